import { describe, expect, it } from 'vitest';
import { createServiceLimiter, LimiterBusy } from './service-limiter.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createServiceLimiter', () => {
  it('lets maxConcurrency calls run and queues the rest in order', async () => {
    const l = createServiceLimiter({ maxConcurrency: 2, maxRps: 1000, queueMax: 10 });
    const order: number[] = [];
    const releases = await Promise.all([l.acquire(1000), l.acquire(1000)]);
    const third = l.acquire(1000).then((r) => (order.push(3), r));
    const fourth = l.acquire(1000).then((r) => (order.push(4), r));
    await tick(5);
    expect([l.active, l.queued]).toEqual([2, 2]);
    releases[0]!();
    releases[0]!(); // a second release of the same slot changes nothing
    const r3 = await third;
    expect([l.active, l.queued]).toEqual([2, 1]);
    releases[1]!();
    const r4 = await fourth;
    expect(order).toEqual([3, 4]);
    r3();
    r4();
    expect(l.active).toBe(0);
    l.close();
  });

  it('refuses at once when the queue is full, and after the wait deadline', async () => {
    const l = createServiceLimiter({ maxConcurrency: 1, maxRps: 1000, queueMax: 1 });
    const held = await l.acquire(1000);
    const waiting = l.acquire(40);
    await expect(l.acquire(1000)).rejects.toMatchObject({ reason: 'queue-full' });
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimiterBusy);
    expect((err as LimiterBusy).reason).toBe('wait-expired');
    expect((err as LimiterBusy).retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(l.queued).toBe(0);
    held();
    l.close();
  });

  it('starts no more than maxRps calls per second', async () => {
    const l = createServiceLimiter({ maxConcurrency: 100, maxRps: 20, queueMax: 100 });
    const started = performance.now();
    // The bucket holds one second's worth (20); five more need about 250 ms of refill.
    const releases = await Promise.all(Array.from({ length: 25 }, () => l.acquire(5000)));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(elapsed).toBeLessThan(1000);
    releases.forEach((r) => r());
    l.close();
  });

  it('close refuses everything still waiting', async () => {
    const l = createServiceLimiter({ maxConcurrency: 1, maxRps: 1000, queueMax: 5 });
    await l.acquire(1000);
    const waiting = l.acquire(10_000);
    l.close();
    await expect(waiting).rejects.toMatchObject({ reason: 'closed' });
  });
});
