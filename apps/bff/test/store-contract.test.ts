import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KvStore } from '../src/index.ts';
import { createMemoryStore, createRedisStore } from '../src/index.ts';
import { startRedis, type RunningRedis } from './redis-server.ts';

interface Subject {
  store: KvStore;
  /** Lets `ms` pass for the store's expiry (a fake clock, or real waiting). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const implementations: [string, () => Promise<Subject>][] = [
  [
    'memory',
    async () => {
      let t = 1_700_000_000_000;
      const store = createMemoryStore({ now: () => t });
      return {
        store,
        advance: async (ms) => {
          t += ms;
        },
        close: () => store.close(),
      };
    },
  ],
  [
    'redis',
    async () => {
      const store = createRedisStore({
        url: redis.url,
        keyPrefix: `contract-${Math.random().toString(36).slice(2)}:`,
      });
      return {
        store,
        advance: (ms) => new Promise((r) => setTimeout(r, ms + 20)),
        close: () => store.close(),
      };
    },
  ],
];

// One suite, both stores: what sessions, throttling and idempotency rely on.
describe.each(implementations)('%s store', (_name, make) => {
  let s: Subject;
  beforeAll(async () => {
    s = await make();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('gets what was set, until it expires', async () => {
    expect(await s.store.get('a')).toBeUndefined();
    await s.store.set('a', 'one', 150);
    expect(await s.store.get('a')).toBe('one');
    await s.store.set('a', 'two', 150);
    expect(await s.store.get('a')).toBe('two');
    await s.advance(200);
    expect(await s.store.get('a')).toBeUndefined();
  });

  it('deletes, and a TTL of 0 deletes', async () => {
    await s.store.set('d', 'x', 10_000);
    await s.store.delete('d');
    expect(await s.store.get('d')).toBeUndefined();
    await s.store.set('d0', 'x', 10_000);
    await s.store.set('d0', 'y', 0);
    expect(await s.store.get('d0')).toBeUndefined();
    await s.store.delete('never-set');
  });

  it('setIfAbsent writes only once, and again after expiry', async () => {
    expect(await s.store.setIfAbsent('k', 'first', 150)).toBe(true);
    expect(await s.store.setIfAbsent('k', 'second', 150)).toBe(false);
    expect(await s.store.get('k')).toBe('first');
    await s.advance(200);
    expect(await s.store.setIfAbsent('k', 'third', 10_000)).toBe(true);
    expect(await s.store.get('k')).toBe('third');
  });

  it('setIfAbsent lets exactly one of many concurrent callers win', async () => {
    const wins = await Promise.all(
      Array.from({ length: 50 }, (_, i) => s.store.setIfAbsent('race', String(i), 10_000)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('replace writes only a key that still exists', async () => {
    expect(await s.store.replace('r', 'x', 10_000)).toBe(false);
    expect(await s.store.get('r')).toBeUndefined();
    await s.store.set('r', 'x', 10_000);
    expect(await s.store.replace('r', 'y', 10_000)).toBe(true);
    expect(await s.store.get('r')).toBe('y');
    await s.store.delete('r');
    expect(await s.store.replace('r', 'z', 10_000)).toBe(false);
    expect(await s.store.get('r')).toBeUndefined();
  });

  it('increment counts from 1 in a window fixed at the first increment', async () => {
    expect(await s.store.increment('c', 300)).toEqual({ count: 1, ttlMs: 300 });
    await s.advance(100);
    const second = await s.store.increment('c', 300);
    expect(second.count).toBe(2);
    // The window is not extended by later increments.
    expect(second.ttlMs).toBeLessThanOrEqual(200);
    expect(second.ttlMs).toBeGreaterThan(0);
    await s.advance(250);
    expect((await s.store.increment('c', 300)).count).toBe(1);
  });

  it('increment is atomic under concurrency', async () => {
    const counts = await Promise.all(
      Array.from({ length: 100 }, () => s.store.increment('many', 10_000)),
    );
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });
});
