import { createHmac } from 'node:crypto';
import type { KvStore } from '../store/kv-store.ts';

/**
 * Exponential back-off after failed sign-ins: `free` failures cost nothing, then each further
 * failure blocks the next attempt for base·2^k, never longer than `capMs`. Failures are counted
 * in a window that starts at the first one and is then forgotten, so no one can be locked out
 * for good: at worst an attacker who keeps failing holds an account to one try per `capMs`.
 */
export interface BackoffPolicy {
  free: number;
  baseMs: number;
  capMs: number;
  windowMs: number;
}

const MINUTE = 60_000;
/**
 * Per account and source address (the username tried, known or not, so blocking reveals
 * nothing): the tight one. Someone guessing from one address cannot make the account wait
 * anywhere else, so the owner signing in from their own address is not locked out.
 */
export const ACCOUNT_POLICY: BackoffPolicy = {
  free: 5,
  baseMs: 1_000,
  capMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};
/**
 * Per account from anywhere: a ceiling far above what one person mistypes, against guessing
 * spread over many addresses (OWASP Authentication Cheat Sheet: lock-out per account and
 * address, with a much higher account-wide threshold).
 */
export const ACCOUNT_CEILING_POLICY: BackoffPolicy = {
  free: 100,
  baseMs: 1_000,
  capMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};
/** Per source address: more room, as several people may share one address. */
export const ADDRESS_POLICY: BackoffPolicy = {
  free: 20,
  baseMs: 1_000,
  capMs: 15 * MINUTE,
  windowMs: 60 * MINUTE,
};

export function backoffMs(failures: number, policy: BackoffPolicy): number {
  if (failures <= policy.free) return 0;
  return Math.min(policy.baseMs * 2 ** Math.min(failures - policy.free - 1, 40), policy.capMs);
}

export interface SignInThrottle {
  /** Milliseconds until this account may try again from this address; 0 when it may now. */
  waitMs(username: string, address: string): Promise<number>;
  recordFailure(username: string, address: string): Promise<void>;
  /**
   * How the audit trail names a username that matches no account: a keyed hash and its length
   * (`unknown:<hash>:<length>`). A password typed into the username field is then not stored in
   * clear, and repeats of one typed name still show as one.
   */
  fingerprint(username: string): string;
  /** A success clears the account's failures (not the address's: one good account must not reset them). */
  recordSuccess(username: string, address: string): Promise<void>;
}

export function createSignInThrottle(o: {
  store: KvStore;
  secret: string;
  now: () => Date;
}): SignInThrottle {
  // Keyed by an HMAC: the store never holds the usernames people typed.
  const id = (kind: string, value: string) =>
    `signin:${kind}:${createHmac('sha256', o.secret).update(`${kind}\0${value}`).digest('base64url')}`;
  const subjects = (username: string, address: string) =>
    [
      { key: id('account-address', `${username}\0${address}`), policy: ACCOUNT_POLICY },
      { key: id('account', username), policy: ACCOUNT_CEILING_POLICY },
      { key: id('address', address), policy: ADDRESS_POLICY },
    ] as const;

  return {
    async waitMs(username, address) {
      const t = o.now().getTime();
      let wait = 0;
      for (const { key } of subjects(username, address)) {
        const until = Number(await o.store.get(`${key}:blocked`));
        if (Number.isFinite(until) && until > t) wait = Math.max(wait, until - t);
      }
      return wait;
    },
    async recordFailure(username, address) {
      const t = o.now().getTime();
      for (const { key, policy } of subjects(username, address)) {
        const { count } = await o.store.increment(`${key}:failures`, policy.windowMs);
        const block = backoffMs(count, policy);
        if (block > 0) await o.store.set(`${key}:blocked`, String(t + block), block);
      }
    },
    fingerprint(username) {
      const hash = createHmac('sha256', o.secret).update(`audit\0${username}`).digest('base64url').slice(0, 16);
      return `unknown:${hash}:${[...username].length}`;
    },
    async recordSuccess(username, address) {
      for (const key of [id('account-address', `${username}\0${address}`), id('account', username)]) {
        await o.store.delete(`${key}:failures`);
        await o.store.delete(`${key}:blocked`);
      }
    },
  };
}
