import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedServiceLimiter } from '../src/proxy/shared-service-limiter.ts';
import { LimiterBusy, type ServiceLimiter } from '../src/proxy/service-limiter.ts';
import { startRedis, type RunningRedis } from './redis-server.ts';

// Two limiters on one key stand for two BFF instances calling one service of one target.
let redis: RunningRedis;
const clients: Redis[] = [];
const limiters: ServiceLimiter[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const l of limiters) l.close();
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

function instance(key: string, o: { maxConcurrency: number; maxRps: number; fallbackShare?: number }, events?: boolean[]) {
  const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  client.on('error', () => {});
  clients.push(client);
  const limiter = createSharedServiceLimiter({
    redis: client,
    key,
    maxConcurrency: o.maxConcurrency,
    maxRps: o.maxRps,
    queueMax: 1000,
    leaseMs: 30_000,
    fallbackShare: o.fallbackShare ?? 0.5,
    ...(events ? { onFallback: (f: boolean) => events.push(f) } : {}),
  });
  limiters.push(limiter);
  return { client, limiter };
}

const ready = (c: Redis) => (c.status === 'ready' ? Promise.resolve() : new Promise<void>((r) => c.once('ready', () => r())));

describe('upstream limits shared through Redis', () => {
  it('concurrency holds across instances: never more than the limit in flight together', async () => {
    const a = instance('t1:dli', { maxConcurrency: 3, maxRps: 1000 });
    const b = instance('t1:dli', { maxConcurrency: 3, maxRps: 1000 });
    await Promise.all([ready(a.client), ready(b.client)]);
    let inFlight = 0;
    let most = 0;
    const work = async (l: ServiceLimiter) => {
      const release = await l.acquire(10_000);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 15));
      inFlight -= 1;
      release();
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => work(i % 2 === 0 ? a.limiter : b.limiter)));
    expect(most).toBe(3);
  });

  it('the rate holds across instances: grants per clock second never exceed the limit, and each says its second', async () => {
    const a = instance('t1:mrs', { maxConcurrency: 100, maxRps: 5 });
    const b = instance('t1:mrs', { maxConcurrency: 100, maxRps: 5 });
    await Promise.all([ready(a.client), ready(b.client)]);
    const perSecond = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const release = await (i % 2 === 0 ? a : b).limiter.acquire(10_000);
        const s = Math.floor(release.grantedAt! / 1000);
        perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
        release();
      }),
    );
    expect([...perSecond.values()].reduce((x, y) => x + y, 0)).toBe(16);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
    // 16 calls at 5 a second need at least four distinct seconds.
    expect(perSecond.size).toBeGreaterThanOrEqual(4);
  });

  it('a wait that ends before a slot frees is refused with LimiterBusy', async () => {
    const a = instance('t1:dws', { maxConcurrency: 1, maxRps: 1000 });
    const b = instance('t1:dws', { maxConcurrency: 1, maxRps: 1000 });
    await Promise.all([ready(a.client), ready(b.client)]);
    const held = await a.limiter.acquire(1000);
    await expect(b.limiter.acquire(100)).rejects.toBeInstanceOf(LimiterBusy);
    held();
    (await b.limiter.acquire(1000))();
  });

  it('Redis stopped: each instance falls back to its share of the limits; Redis back: shared again', async () => {
    const events: boolean[] = [];
    const a = instance('t2:dli', { maxConcurrency: 4, maxRps: 1000, fallbackShare: 0.5 }, events);
    await ready(a.client);
    (await a.limiter.acquire(1000))();
    expect(events).toEqual([]);

    const port = Number(new URL(redis.url).port);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 100));
    // Calls go on, at most half the concurrency (2 of 4) in flight.
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const release = await a.limiter.acquire(10_000);
        expect(release.grantedAt).toBeUndefined();
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight -= 1;
        release();
      }),
    );
    expect(most).toBe(2);
    expect(events).toEqual([true]);

    redis = await startRedis(port);
    await ready(a.client);
    const release = await a.limiter.acquire(1000);
    expect(release.grantedAt).toBeTypeOf('number');
    release();
    expect(events).toEqual([true, false]);
  });
});
