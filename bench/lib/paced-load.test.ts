import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPaced } from './paced-load.ts';

// A server that answers after a fixed delay, remembering when each request arrived.
const DELAY_MS = 30;
const arrivals: number[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    const status = req.url === '/fail' ? 503 : 200;
    setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end('x'), DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runPaced', () => {
  it('sends rate × duration requests spread evenly, not in bursts, and times them from when they were due', async () => {
    arrivals.length = 0;
    const r = await runPaced({ url: `${url}/ok`, ratePerSec: 50, durationSec: 1 });
    expect(r.sent).toBe(50);
    expect(r.ok).toBe(50);
    expect(r.failed).toBe(0);
    // Every request waits DELAY_MS on the server, so none can be faster.
    expect(r.p50).toBeGreaterThanOrEqual(DELAY_MS);
    // Evenly spaced at 20 ms: the arrivals never bunch up the way a per-second quota does.
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    const bunched = gaps.filter((g) => g < 5).length;
    expect(bunched).toBeLessThan(10);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(800);
  });

  it('counts non-2xx answers as failed, not as latency samples', async () => {
    const r = await runPaced({ url: `${url}/fail`, ratePerSec: 20, durationSec: 0.5 });
    expect(r.sent).toBe(10);
    expect(r.ok).toBe(0);
    expect(r.failed).toBe(10);
    expect(r.p99).toBeNaN();
  });
});
