import { Redis } from 'ioredis';
import type { KvStore } from './kv-store.ts';

// INCR and the first PEXPIRE in one step, so a crash between them cannot leave a counter that
// never expires (which would be a lockout without end).
const INCREMENT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key, so several consoles (or test runs) can share one Redis. */
  keyPrefix?: string;
}

/**
 * Shared state for several BFF instances. Expiry is Redis's own (wall-clock) TTL. Commands fail
 * fast when Redis is unreachable instead of queueing for long: a request then fails with 500
 * rather than hanging.
 */
export function createRedisStore(opts: RedisStoreOptions): KvStore {
  const redis = new Redis(opts.url, {
    keyPrefix: opts.keyPrefix ?? 'dsc:',
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    commandTimeout: 5_000,
    lazyConnect: false,
  });
  // Errors surface on the commands; without a listener ioredis would print each reconnect failure.
  redis.on('error', () => {});
  const ms = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));

  return {
    async get(key) {
      return (await redis.get(key)) ?? undefined;
    },
    async set(key, value, ttlMs) {
      if (ttlMs <= 0) await redis.del(key);
      else await redis.set(key, value, 'PX', ms(ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      if (ttlMs <= 0) return false;
      return (await redis.set(key, value, 'PX', ms(ttlMs), 'NX')) === 'OK';
    },
    async replace(key, value, ttlMs) {
      if (ttlMs <= 0) return (await redis.del(key)) > 0;
      return (await redis.set(key, value, 'PX', ms(ttlMs), 'XX')) === 'OK';
    },
    async delete(key) {
      await redis.del(key);
    },
    async increment(key, ttlMs) {
      const [count, ttl] = (await redis.eval(INCREMENT, 1, key, ms(ttlMs))) as [number, number];
      return { count, ttlMs: ttl };
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}
