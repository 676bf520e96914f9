import SonicBoom from 'sonic-boom';

/** Log bytes held while the destination does not take them; lines beyond are dropped and counted. */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;

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
  const boom = new SonicBoom({
    fd: o.fd ?? 1,
    sync: false,
    minLength: 0,
    maxLength: o.maxBufferBytes ?? LOG_BUFFER_BYTES,
  });
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
