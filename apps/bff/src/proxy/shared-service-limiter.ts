import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createServiceLimiter, LimiterBusy, type LimiterOptions, type Release, type ServiceLimiter } from './service-limiter.ts';

export interface SharedLimiterOptions extends LimiterOptions {
  /** A client made with `enableOfflineQueue: false`, so commands fail at once while Redis is away. */
  redis: Redis;
  /** Names this limit in Redis: every instance using the same key shares one budget (e.g. per target and service). */
  key: string;
  /** Longest a call can hold a slot (its whole budget): a slot held by an instance that died frees itself after this. */
  leaseMs: number;
  /** While Redis cannot be reached, this instance alone may use this share of the limits (0 < share ≤ 1). */
  fallbackShare: number;
  /** Told when the limiter starts or stops falling back to its local share. */
  onFallback?: (falling: boolean) => void;
}

const SLOT_RETRY_MS = 20;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class RedisUnavailable extends Error {}

/**
 * One service's limits held across every instance that shares a Redis:
 * - the rate: at most `maxRps` calls per calendar second, counted in Redis by
 *   rate-limiter-flexible under `<key>:rate:<second>`. The grant's time is handed back so the
 *   call is signed within the second it was counted in (X-Sdk-Date then shows the same count
 *   the cloud's gateway sees).
 * - the concurrency: at most `maxConcurrency` slots, a Redis list of leases. A newcomer is pushed
 *   at the tail (RPUSH answers its place atomically) and leaves only take entries out, so a
 *   holder's place never rises: a lease placed within the limit is a slot. Each lease carries
 *   its expiry, so one left by an instance that died is dropped after `leaseMs`.
 * Each call first passes this instance's own limiter (bounded local queue, first come first
 * served), then the shared one. When Redis cannot be reached the call goes through a local
 * limiter with `fallbackShare` of the limits instead, so a Redis outage neither stops the
 * console nor lets N instances send N times the limit (with share = 1/N).
 */
export function createSharedServiceLimiter(o: SharedLimiterOptions): ServiceLimiter {
  const local = createServiceLimiter(o);
  const fallback = createServiceLimiter({
    ...o,
    maxConcurrency: Math.max(1, Math.floor(o.maxConcurrency * o.fallbackShare)),
    maxRps: Math.max(1, Math.floor(o.maxRps * o.fallbackShare)),
  });
  const rate = new RateLimiterRedis({ storeClient: o.redis, keyPrefix: `${o.key}:rate`, points: o.maxRps, duration: 2 });
  const slots = `${o.key}:slots`;
    let falling = false;
  const setFalling = (f: boolean) => {
    if (f !== falling) {
      falling = f;
      o.onFallback?.(f);
    }
  };

  const redisCall = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw new RedisUnavailable(err instanceof Error ? err.message : String(err));
    }
  };

  async function takeSlot(deadline: number): Promise<() => Promise<void>> {
    for (;;) {
      const now = Date.now();
      const member = `${randomUUID()}:${now + o.leaseMs}`;
      const expired = (await redisCall(() => o.redis.lrange(slots, 0, -1))).filter((m) => Number(m.split(':')[1]) < now);
      const tx = o.redis.multi();
      for (const m of expired) tx.lrem(slots, 1, m);
      tx.rpush(slots, member).pexpire(slots, o.leaseMs);
      const results = await redisCall(() => tx.exec());
      const length = results?.[expired.length]?.[1];
      const free = () => redisCall(() => o.redis.lrem(slots, 1, member)).then(() => undefined);
      if (typeof length === 'number' && length <= o.maxConcurrency) return free;
      await free();
      if (Date.now() + SLOT_RETRY_MS > deadline) throw new LimiterBusy('wait-expired', 1000);
      await sleep(SLOT_RETRY_MS);
    }
  }

  async function takeRate(deadline: number): Promise<number> {
    for (;;) {
      const at = Date.now();
      const second = Math.floor(at / 1000);
      try {
        await rate.consume(String(second));
        return at;
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw new RedisUnavailable(err instanceof Error ? err.message : String(err));
      }
      const next = (second + 1) * 1000 - Date.now() + 1;
      if (Date.now() + next > deadline) throw new LimiterBusy('wait-expired', Math.max(1000, next));
      await sleep(next);
    }
  }

  return {
    async acquire(waitMs) {
      const deadline = Date.now() + waitMs;
      const releaseLocal = await local.acquire(waitMs);
      let freeSlot: (() => Promise<void>) | undefined;
      try {
        freeSlot = await takeSlot(deadline);
        const grantedAt = await takeRate(deadline);
        setFalling(false);
        let done = false;
        const release: Release = () => {
          if (done) return;
          done = true;
          releaseLocal();
          // An unreachable Redis leaves the lease to expire by itself.
          freeSlot!().catch(() => {});
        };
        release.grantedAt = grantedAt;
        return release;
      } catch (err) {
        releaseLocal();
        if (freeSlot) freeSlot().catch(() => {});
        if (!(err instanceof RedisUnavailable)) throw err;
        setFalling(true);
        return fallback.acquire(Math.max(0, deadline - Date.now()));
      }
    },
    get active() {
      return local.active + fallback.active;
    },
    get queued() {
      return local.queued + fallback.queued;
    },
    close() {
      local.close();
      fallback.close();
    },
  };
}
