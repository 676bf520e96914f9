/** Back-off between read attempts: exponential from `baseMs`, capped at `capMs`, jittered. */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

export const READ_BACKOFF: Backoff = { baseMs: 200, capMs: 2_000 };

/** Upstream answers worth another try for a read: the gateway or service was briefly unable. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * The wait before retry number `retry` (1 = the first retry): half the exponential step fixed,
 * half random ("equal jitter"), so retries from many requests spread out but always back off.
 */
export function backoffMs(retry: number, b: Backoff = READ_BACKOFF, random: () => number = Math.random): number {
  const step = Math.min(b.capMs, b.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
