import { afterEach, describe, expect, it } from 'vitest';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

// The BFF's own limits towards the cloud (queue rather than flood), and the gateway's: repeated
// signature failures lock the AK, and an expired signature means the clocks differ.

const started: Harness[] = [];
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  started.push(h);
  return h;
}
afterEach(async () => {
  for (const h of started) expect(secretsSeen(h)).toEqual([]);
  await Promise.all(started.splice(0).map((h) => h.close()));
});

function logLines(h: Harness, msg: string): Record<string, unknown>[] {
  return h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
}

describe('per-service concurrency and rate limits', () => {
  it('at most UPSTREAM_MAX_CONCURRENCY calls are in flight; a full queue answers 503 UPSTREAM_BUSY at once', async () => {
    const h = await harness({ env: { UPSTREAM_MAX_CONCURRENCY: '2', UPSTREAM_QUEUE_MAX: '3' } });
    h.sim.control.faults.replace([{ operation: 'dli.listQueues', latencyMs: 400 }]);
    const t0 = Date.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.call('GET', '/api/dli/queues').then((r) => ({ r, ms: Date.now() - t0 }))),
    );
    const ok = results.filter((x) => x.r.status === 200);
    const busy = results.filter((x) => x.r.status !== 200);
    // Two in flight and three waiting are served; the other three are refused without waiting.
    expect(ok).toHaveLength(5);
    expect(busy).toHaveLength(3);
    for (const { r } of busy) {
      const err = expectError(r, 503, 'UPSTREAM_BUSY');
      expect(err.message).toContain('DLI');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // Refused at once: before even the first waiting call was served.
    const servedAt = ok.map((x) => x.ms).sort((x, y) => x - y);
    expect(Math.max(...busy.map((x) => x.ms))).toBeLessThan(servedAt[2]!);
    // Arrivals at the simulator come in pairs, one latency apart.
    const arrivals = h.sim.control
      .requests()
      .filter((q) => q.operation === 'dli.listQueues')
      .map((q) => Date.parse(q.time))
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(5);
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(350);
    expect(arrivals[4]! - arrivals[2]!).toBeGreaterThanOrEqual(350);
    // Other services have their own share.
    expect((await h.call('GET', '/api/dws/clusters')).status).toBe(200);
  });

  it('at most UPSTREAM_MAX_RPS calls start per second: the rest wait their turn rather than fail', async () => {
    const h = await harness({ env: { UPSTREAM_MAX_RPS: '4' } });
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 8 }, () => h.call('GET', '/api/dws/clusters')));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    // Four at once, four more at a quarter second each.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('a queued call that cannot get a slot before UPSTREAM_QUEUE_WAIT_MS is refused 503 UPSTREAM_BUSY', async () => {
    const h = await harness({ env: { UPSTREAM_MAX_CONCURRENCY: '1', UPSTREAM_QUEUE_WAIT_MS: '200' } });
    h.sim.control.faults.replace([{ operation: 'mrs.listDataConnectors', latencyMs: 600, times: 1 }]);
    const slow = h.call('GET', '/api/mrs/data-connectors');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    expectError(await h.call('GET', '/api/mrs/data-connectors'), 503, 'UPSTREAM_BUSY');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect((await slow).status).toBe(200);
  });
});

describe('signature failures never lock the AK', () => {
  it('after 3 in a row the BFF stops sending for a while, saying why', async () => {
    const h = await harness({ wrongSk: true, env: { UPSTREAM_AUTH_PAUSE_MS: '1000' } });
    const failures = () => h.sim.control.stats().signatureFailures;
    for (let n = 1; n <= 3; n++) {
      const err = expectError(await h.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_AUTH');
      expect(err.upstream).toMatchObject({ status: 401, code: 'APIGW.0301' });
      expect(failures()).toBe(n);
    }
    // Three in a row: paused. Nothing reaches the gateway (not even a burst), and the answer says why.
    const burst = await Promise.all(Array.from({ length: 5 }, () => h.call('GET', '/api/dli/queues')));
    for (const res of burst) {
      const err = expectError(res, 502, 'UPSTREAM_AUTH');
      expect(err.message).toMatch(/stopped calling the cloud .* after 3 signature failures in a row/);
      expect(err.message).toMatch(/lock the access key/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(failures()).toBe(3);
    expect(h.sim.control.requests()).toHaveLength(3);
    // After the pause one probe goes out (and fails again): still below the gateway's lockout.
    await new Promise((r) => setTimeout(r, 1100));
    expectError(await h.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_AUTH');
    expect(failures()).toBe(4);
    expect(h.sim.control.requests().every((r) => r.signature !== 'locked')).toBe(true);
  });
});

describe('clock skew', () => {
  it('"signature expired" is logged with the skew from the Date header, said in the answer and reported by /readyz', async () => {
    const behind = 20 * 60_000;
    const h = await harness({ now: () => new Date(Date.now() - behind) });
    const res = await h.call('GET', '/api/dws/clusters');
    const err = expectError(res, 502, 'UPSTREAM_AUTH');
    expect(err.upstream).toMatchObject({ status: 401, code: 'APIGW.0303' });
    expect(err.message).toMatch(/signature as expired: the console's clock is about 20 minutes behind the cloud's/);
    const [line] = logLines(h, 'the cloud says the request signature expired: the clocks differ');
    expect(line).toMatchObject({ operationId: 'dws.listClusters', upstreamRequestId: res.headers.get('x-request-id') });
    expect(Math.abs((line!.clockSkewMs as number) - behind)).toBeLessThan(2000);

    const ready = await fetch(`${h.bffUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; clockSkewMs?: number };
    expect(body.status).toBe('degraded');
    expect(Math.abs(body.clockSkewMs! - behind)).toBeLessThan(2000);
  });
});
