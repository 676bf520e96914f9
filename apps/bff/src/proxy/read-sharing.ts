/**
 * How a read may share: 'window' joins an identical read in flight or takes an answer from the
 * last `windowMs`; 'refresh' (the user asked for fresh data) makes its own call and leaves its
 * answer for the others.
 */
export type ShareMode = 'window' | 'refresh';

/** A result, and when it was shared, how long ago the upstream gave it (0 when joined in flight). */
export interface Shared<R> {
  result: R;
  ageMs?: number;
}

export interface ReadSharing<R> {
  /** The result of `call` for this key, or one shared with identical reads. */
  read(key: string, path: string, mode: ShareMode, call: () => Promise<R>): Promise<Shared<R>>;
  /** A write to `path` is under way or done: nothing shared for it, above it or below it stays. */
  invalidate(path: string): void;
  /** Entries held (in flight or answered), for tests. */
  size(): number;
}

interface Entry<R> {
  path: string;
  inFlight: Promise<R> | undefined;
  result: R | undefined;
  answeredAt: number;
  bytes: number;
  /** Set when a write to a related path happened while this read was in flight. */
  stale: boolean;
}

/** Bounds on what the window holds: list answers are a few hundred kB each. */
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;

/** `a` and `b` name the same resource, or one lies inside the other (segment-wise). */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(b.endsWith('/') ? b : `${b}/`) || b.startsWith(a.endsWith('/') ? a : `${a}/`);
}

/**
 * One caller's shared reads (decision 015). Keys are built by the caller from the method, the
 * absolute URL (query included) and what else changes the answer; `windowMs` 0 turns sharing off.
 * `keep` says whether a result may serve the window (and its size in bytes); one it refuses, a
 * failure say, is shared only with the reads that joined the very call that produced it.
 */
export function createReadSharing<R>(opts: { windowMs: number; now: () => number; keep: (r: R) => number | undefined }): ReadSharing<R> {
  const entries = new Map<string, Entry<R>>();
  let bytes = 0;

  const drop = (key: string, e: Entry<R>) => {
    if (entries.get(key) !== e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };

  /** Expired answers first, then the oldest answered ones, until within bounds. */
  const trim = () => {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) return;
    const now = opts.now();
    for (const [k, e] of entries) if (!e.inFlight && now - e.answeredAt > opts.windowMs) drop(k, e);
    for (const [k, e] of entries) {
      if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      if (!e.inFlight) drop(k, e);
    }
  };

  return {
    async read(key, path, mode, call) {
      if (opts.windowMs <= 0) return { result: await call() };
      const existing = entries.get(key);
      if (existing && mode === 'window') {
        if (existing.inFlight) return { result: await existing.inFlight, ageMs: 0 };
        const ageMs = opts.now() - existing.answeredAt;
        if (existing.result !== undefined && ageMs <= opts.windowMs) return { result: existing.result, ageMs };
      }
      if (existing) drop(key, existing);

      const entry: Entry<R> = { path, inFlight: undefined, result: undefined, answeredAt: 0, bytes: 0, stale: false };
      entries.set(key, entry);
      const settle = (result: R): R => {
        entry.inFlight = undefined;
        const size = entry.stale || entries.get(key) !== entry ? undefined : opts.keep(result);
        if (size === undefined) {
          drop(key, entry);
          return result;
        }
        entry.result = result;
        entry.answeredAt = opts.now();
        entry.bytes = size;
        bytes += size;
        trim();
        return result;
      };
      entry.inFlight = call().then(settle, (err: unknown) => {
        entry.inFlight = undefined;
        drop(key, entry);
        throw err;
      });
      return { result: await entry.inFlight };
    },
    invalidate(path) {
      for (const [k, e] of entries) {
        if (!related(e.path, path)) continue;
        e.stale = true;
        drop(k, e);
      }
    },
    size: () => entries.size,
  };
}
