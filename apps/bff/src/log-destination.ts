import SonicBoom from 'sonic-boom';

/** Log bytes held while the destination does not take them; lines beyond are dropped and counted. */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;

/** How long the exit handler may spend writing what is still held when stdout does not take it. */
export const EXIT_FLUSH_MS = 500;

/**
 * Destinations still holding lines when the process exits. `process.exit` ends the event loop,
 * so the asynchronous writes would never run: the exit handler writes what is left synchronously,
 * giving up after EXIT_FLUSH_MS when the reader does not take it (a full, unread pipe must not
 * hold exit up: that is why writes are asynchronous in the first place).
 */
const open = new Set<{ flushOnExit(): void }>();
let exitHooked = false;
function flushAllOnExit(): void {
  for (const d of open) d.flushOnExit();
}

export interface LogDestination {
  /** What pino writes to: one JSON line per call. */
  write(line: string): void;
  /** Lines dropped since the last report (reported as a line of its own once the destination takes data again). */
  dropped(): number;
  /** Bytes accepted but not yet taken by the destination. */
  pending(): number;
  /**
   * Resolves once everything accepted has been written, or after `withinMs`, whichever comes
   * first: what shutdown waits for instead of a synchronous flush, which loops for as long as a
   * full pipe stays unread.
   */
  settle(withinMs: number): Promise<void>;
}

/**
 * Asynchronous writes to `fd` (stdout by default) through sonic-boom, bounded: at most
 * `maxBufferBytes` wait in memory; further lines are dropped and counted, and when the
 * destination has taken everything again a line says how many were lost. It never writes
 * synchronously, so a stdout nobody reads can neither block the event loop nor hold up exit.
 * Write errors (EPIPE when the reader went away) are swallowed: logging must not kill the BFF.
 */
export function createLogDestination(o: { fd?: number; maxBufferBytes?: number } = {}): LogDestination {
  let exitDeadline = Number.POSITIVE_INFINITY;
  const boom = new SonicBoom({
    fd: o.fd ?? 1,
    sync: false,
    minLength: 0,
    maxLength: o.maxBufferBytes ?? LOG_BUFFER_BYTES,
    // Asynchronous retries wait on a timer and never block; the synchronous exit flush retries
    // only until its deadline.
    retryEAGAIN: () => Date.now() < exitDeadline,
  });
  open.add({
    flushOnExit: () => {
      if (broken || pending === 0) return;
      exitDeadline = Date.now() + EXIT_FLUSH_MS;
      try {
        boom.flushSync();
      } catch {
        // The reader is gone or did not take the rest in time: what is left is lost, as at any crash.
      }
    },
  });
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', flushAllOnExit);
  }
  let dropped = 0;
  let broken = false;
  let pending = 0;
  const idle: (() => void)[] = [];
  boom.on('drop', () => {
    dropped++;
  });
  boom.on('error', () => {
    // The destination is gone: nothing more can be written, and nothing should wait for it.
    broken = true;
    pending = 0;
    for (const resolve of idle.splice(0)) resolve();
  });
  const accept = (line: string): boolean => {
    const before = dropped;
    boom.write(line);
    if (dropped !== before) return false;
    pending += Buffer.byteLength(line);
    return true;
  };
  boom.on('write', (n: number) => {
    pending = Math.max(0, pending - n);
    if (pending > 0) return;
    if (dropped > 0) {
      const lost = dropped;
      dropped = 0;
      const report = { level: 40, time: new Date().toISOString(), service: 'bff', dropped: lost, msg: 'log lines dropped while the log destination was not taking them' };
      if (!accept(`${JSON.stringify(report)}\n`)) dropped += lost;
      if (pending > 0) return;
    }
    for (const resolve of idle.splice(0)) resolve();
  });

  return {
    write: (line) => {
      if (!broken) accept(line);
    },
    dropped: () => dropped,
    pending: () => pending,
    settle: (withinMs) =>
      new Promise<void>((resolve) => {
        if (pending === 0 || broken) {
          resolve();
          return;
        }
        const timer = setTimeout(resolve, withinMs);
        timer.unref();
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
