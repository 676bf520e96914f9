// Child process of signing-cost.ts, started with --expose-gc and a large young generation so that
// an allocation window can run without any garbage collection; prints one JSON object.
import { createHash } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { sign } from '@dsc/signer';
import { createBody } from './host-lines.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const creds = { ak: 'BENCHAK0000000000001', sk: 'bench-secret-key-not-a-real-one-000000000' };
const now = new Date('2026-01-01T00:00:00Z');

interface Case {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const hosts = Number(process.env.BENCH_HOSTS ?? 20_000);
const big = Buffer.from(JSON.stringify(createBody(hosts)), 'utf8');
const base =
  'http://127.0.0.1:4010/v2.0/0a7f3c9e5b2d4f6e8a1c3b5d7e9f2a4c/datasource/enhanced-connections';
const cases: Case[] = [
  {
    name: 'empty body (GET list)',
    method: 'GET',
    url: `${base}?limit=100&offset=0`,
    headers: {
      host: '127.0.0.1:4010',
      accept: 'application/json',
      'content-type': 'application/json',
    },
    body: Buffer.alloc(0),
  },
  {
    name: `create body, ${hosts} hosts`,
    method: 'POST',
    url: base,
    headers: {
      host: '127.0.0.1:4010',
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': String(big.length),
    },
    body: big,
  },
];

// What the BFF does per request (sign-upstream-request.ts): sign over the exact bytes.
const signOnce = (c: Case) =>
  sign({ method: c.method, url: c.url, headers: { ...c.headers }, body: c.body }, creds, { now });
const hashOnce = (c: Case) => createHash('sha256').update(c.body).digest('hex');

/**
 * Times a and b in alternating rounds of ~50 ms, so that a change in the machine's load hits
 * both alike; returns operations per second and µs per operation for each.
 */
function compare(
  a: () => unknown,
  b: () => unknown,
  totalMs: number,
): Array<{ ops: number; usPerOp: number }> {
  const fns = [a, b];
  for (const fn of fns) for (let i = 0; i < 50; i++) fn();
  const n = [0, 0];
  const spent = [0, 0];
  const until = performance.now() + totalMs;
  while (performance.now() < until) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < 50) {
        for (let i = 0; i < 5; i++) fn();
        n[k]! += 5;
        elapsed = performance.now() - start;
      }
      spent[k]! += elapsed;
    });
  }
  return fns.map((_, k) => ({
    ops: (n[k]! / spent[k]!) * 1000,
    usPerOp: (spent[k]! * 1000) / n[k]!,
  }));
}

let gcs = 0;
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({
  entryTypes: ['gc'],
});
// gc entries reach the observer asynchronously: let them arrive before and after a window.
const settle = () => new Promise((r) => setTimeout(r, 50));

/** Heap and off-heap bytes per call, over a window in which no GC ran (retried smaller if one did). */
async function allocation(
  fn: () => unknown,
  iterations: number,
): Promise<{ heap: number; offHeap: number; iterations: number } | undefined> {
  for (let n = iterations; n >= 1; n = Math.floor(n / 2)) {
    const keep: unknown[] = new Array(n);
    gc!();
    await settle();
    const before = gcs;
    const m0 = process.memoryUsage();
    for (let i = 0; i < n; i++) keep[i] = fn();
    const m1 = process.memoryUsage();
    await settle();
    if (gcs === before) {
      const perCall = (a: number, b: number) => (b - a) / n;
      return {
        heap: perCall(m0.heapUsed, m1.heapUsed),
        offHeap: perCall(m0.external, m1.external),
        iterations: n,
      };
    }
  }
  return undefined;
}

const windowMs = Number(process.env.BENCH_SIGN_MS ?? 1500);
const results = [];
for (const c of cases) {
  const [signed, hashed] = compare(
    () => signOnce(c),
    () => hashOnce(c),
    windowMs * 2,
  );
  const alloc = await allocation(() => signOnce(c), c.body.length > 0 ? 64 : 2000);
  results.push({ name: c.name, bodyBytes: c.body.length, sign: signed, sha256: hashed, alloc });
}
process.stdout.write(JSON.stringify(results));
