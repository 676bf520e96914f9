import { createHash } from 'node:crypto';
import type { KvStore } from '../store/kv-store.ts';

/** Consecutive signature failures after which the console stops calling for a while. */
export const SIGNATURE_FAILURE_LIMIT = 3;
/** How long a run of failures is remembered without a success in between. */
const FAILURE_MEMORY_MS = 15 * 60_000;

/** Gateway codes for a refused signature: wrong AK/SK (0301) and expired X-Sdk-Date (0303). */
export function isSignatureFailure(status: number, code: string | undefined): boolean {
  return status === 401 && code !== undefined && /^APIG(W)?\.030[13]$/.test(code);
}

export type GuardVerdict =
  | { send: true; done: (outcome: 'signature-failure' | 'accepted' | 'other') => Promise<void> }
  | { send: false; reason: 'paused'; retryAfterMs: number }
  | { send: false; reason: 'probing' };

export interface SignatureGuard {
  /** Whether a call may go out now; a call that may must report how the gateway took it. */
  check(): Promise<GuardVerdict>;
}

/**
 * Keeps the gateway from locking the configured AK (it locks after more than 5 consecutive
 * signature failures, for 5 minutes, for every user of that AK). After SIGNATURE_FAILURE_LIMIT
 * failures in a row the console stops sending for `pauseMs`; after a pause, and whenever the last
 * answer was a signature failure, only one call at a time goes out as a probe until one is
 * accepted. The count and the pause live in the shared store, so several instances add up.
 */
export function createSignatureGuard(o: { store: KvStore; ak: string; pauseMs: number; now?: () => number }): SignatureGuard {
  const now = o.now ?? Date.now;
  // The AK names the counter (hashed: the store need not hold it); a new AK starts afresh.
  const tag = createHash('sha256').update(o.ak).digest('hex').slice(0, 16);
  const countKey = `upstream:sigfail:${tag}`;
  const pauseKey = `upstream:sigpause:${tag}`;
  let suspect = false;
  let probeInFlight = false;

  return {
    async check() {
      const pausedUntil = Number(await o.store.get(pauseKey));
      if (pausedUntil > now()) return { send: false, reason: 'paused', retryAfterMs: pausedUntil - now() };
      if (suspect && probeInFlight) return { send: false, reason: 'probing' };
      const probing = suspect;
      if (probing) probeInFlight = true;
      let reported = false;
      return {
        send: true,
        done: async (outcome) => {
          if (reported) return;
          reported = true;
          if (probing) probeInFlight = false;
          if (outcome === 'signature-failure') {
            suspect = true;
            const { count } = await o.store.increment(countKey, FAILURE_MEMORY_MS);
            if (count >= SIGNATURE_FAILURE_LIMIT) {
              await o.store.set(pauseKey, String(now() + o.pauseMs), o.pauseMs);
            }
          } else if (outcome === 'accepted' && suspect) {
            suspect = false;
            await o.store.delete(countKey);
          }
        },
      };
    },
  };
}
