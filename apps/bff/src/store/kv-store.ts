/**
 * The one small store behind sessions, sign-in throttling counters and (later) idempotency keys.
 * In memory for a single instance (the demo), Redis when several BFF instances share state.
 * Every key expires: `ttlMs` is how long it lives from the write (a TTL of 0 or less deletes).
 */
export interface KvStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Writes only when the key does not exist; answers whether it wrote. Atomic. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Overwrites only a key that still exists; answers whether it wrote. Atomic. */
  replace(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Adds one to a counter, creating it at 1 with `ttlMs` to live; later increments keep the
   * expiry (a fixed window from the first). Atomic. Answers the new count and the ms left.
   */
  increment(key: string, ttlMs: number): Promise<{ count: number; ttlMs: number }>;
  /** Resolves when the store answers (Redis PING); for /readyz. */
  ping?(): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
