import type { ServiceLimiter } from './service-limiter.ts';
import type { SharedLimits, SharedLimitsOptions } from './shared-limits.ts';

/**
 * createSharedLimits (shared-limits.ts), with it and ioredis and rate-limiter-flexible imported
 * here rather than at every start: only a server with REDIS_URL asks for them (decision 020).
 * A limiter handed out before they have loaded waits for them in acquire(), counting that wait
 * against the caller's; until then it holds and queues nothing, so its counts are 0.
 */
export function openSharedLimits(o: SharedLimitsOptions): SharedLimits {
  const loading = import('./shared-limits.ts').then((m) => m.createSharedLimits(o));
  // Reported through acquire(), never as an unhandled rejection.
  loading.catch(() => {});
  return {
    limiterFor(key, service, options) {
      let limiter: ServiceLimiter | undefined;
      let closed = false;
      const ready = loading.then((limits) => {
        limiter = limits.limiterFor(key, service, options);
        if (closed) limiter.close();
        return limiter;
      });
      ready.catch(() => {});
      return {
        async acquire(waitMs) {
          const since = Date.now();
          const l = limiter ?? (await ready);
          return l.acquire(Math.max(0, waitMs - (Date.now() - since)));
        },
        get active() {
          return limiter?.active ?? 0;
        },
        get queued() {
          return limiter?.queued ?? 0;
        },
        close() {
          closed = true;
          limiter?.close();
        },
      };
    },
    close() {
      loading.then(
        (limits) => limits.close(),
        () => {},
      );
    },
  };
}
