import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { ApiError } from '../errors.ts';
import type { KvStore } from '../store/kv-store.ts';

/** A coarse ceiling on sign-in requests per address, successful or not (each costs a scrypt run). */
export const SIGN_IN_RATE = { limit: 30, windowMs: 60_000 };

export function signInThrottled(waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError('SIGN_IN_THROTTLED', `Too many sign-in attempts; try again in ${seconds} s`, {
    headers: { 'Retry-After': String(seconds) },
  });
}

/** express-rate-limit counting in our store, so several instances behind one Redis share the count. */
function kvRateStore(kv: KvStore, now: () => Date, shared: boolean): Store {
  const prefix = 'signin-rate:';
  return {
    prefix,
    localKeys: !shared,
    async increment(key) {
      const { count, ttlMs } = await kv.increment(prefix + key, SIGN_IN_RATE.windowMs);
      return { totalHits: count, resetTime: new Date(now().getTime() + ttlMs) };
    },
    // Only used with skipFailedRequests/skipSuccessfulRequests, which this limiter does not set.
    async decrement() {},
    async resetKey(key) {
      await kv.delete(prefix + key);
    },
  };
}

export function signInRateLimit(o: {
  store: KvStore;
  shared: boolean;
  now: () => Date;
  logger: Logger;
}): RequestHandler {
  return rateLimit({
    windowMs: SIGN_IN_RATE.windowMs,
    limit: SIGN_IN_RATE.limit,
    standardHeaders: false,
    legacyHeaders: false,
    store: kvRateStore(o.store, o.now, o.shared),
    passOnStoreError: false,
    // A client-sent X-Forwarded-For without TRUST_PROXY is simply ignored; no need to warn.
    validate: { xForwardedForHeader: false },
    logger: {
      warn: (_err, message) =>
        o.logger.warn({ component: 'express-rate-limit' }, message ?? 'rate limiter warning'),
      error: (_err, message) =>
        o.logger.error({ component: 'express-rate-limit' }, message ?? 'rate limiter error'),
    },
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      next(
        signInThrottled(
          resetTime ? resetTime.getTime() - o.now().getTime() : SIGN_IN_RATE.windowMs,
        ),
      );
    },
  });
}
