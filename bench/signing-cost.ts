// Benchmark 2, signing cost: SDK-HMAC-SHA256 signs per second for an empty body and a 20,000-host
// create body (≈1 MB), bytes allocated per sign, against plain SHA-256 of the same bytes measured
// in the same process. Run alone: pnpm exec tsx bench/signing-cost.ts
import { spawnSync } from 'node:child_process';
import { SectionBuilder, type Section } from './lib/report.ts';
import { tsxArgs } from './lib/processes.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtKB, ratio } from './lib/stats.ts';

interface Measured {
  name: string;
  bodyBytes: number;
  sign: { ops: number; usPerOp: number };
  sha256: { ops: number; usPerOp: number };
  alloc: { heap: number; offHeap: number; iterations: number } | undefined;
}

/** Growth below zero means less than the resolution of the counters (other memory was freed). */
const bytes = (n: number) => (n < 0 ? '≈ 0' : fmt(n));

export async function runSigningCost(settings: BenchSettings): Promise<Section> {
  const s = new SectionBuilder('signing-cost', '2. Signing cost');
  try {
    console.log('  [signing-cost] measuring…');
    // A young generation of 256 MB lets a whole allocation window pass without a scavenge.
    const r = spawnSync(
      process.execPath,
      tsxArgs('lib/signing-measure.ts', ['--expose-gc', '--max-semi-space-size=256']),
      {
        encoding: 'utf8',
        env: { ...process.env, BENCH_HOSTS: String(settings.hosts) },
        timeout: 120_000,
      },
    );
    if (r.status !== 0)
      throw new Error(
        `the measuring process failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}`,
      );
    const results = JSON.parse(r.stdout) as Measured[];
    s.table(
      [
        'body',
        'size',
        'signs/s',
        'µs per sign',
        'SHA-256 only: hashes/s',
        'µs per hash',
        'sign ÷ hash time',
        'heap bytes per sign',
        'off-heap bytes per sign',
      ],
      results.map((m) => [
        m.name,
        m.bodyBytes === 0 ? '0 B' : fmtKB(m.bodyBytes),
        fmt(m.sign.ops),
        fmt(m.sign.usPerOp, 1),
        fmt(m.sha256.ops),
        fmt(m.sha256.usPerOp, 1),
        `${fmt(ratio(m.sign.usPerOp, m.sha256.usPerOp), 2)}×`,
        m.alloc ? bytes(m.alloc.heap) : '–',
        m.alloc ? bytes(m.alloc.offHeap) : '–',
      ]),
    );
    for (const m of results) {
      if (!m.alloc) s.skip(`allocation for "${m.name}": every window saw a garbage collection`);
    }
    const large = results.find((m) => m.bodyBytes > 0);
    if (large) {
      s.line(
        `The large body costs ${fmt(large.sign.usPerOp / 1000, 2)} ms per sign, of which hashing the body is ${fmt(large.sha256.usPerOp / 1000, 2)} ms; ` +
          `the signature over the canonical request adds ${fmt(large.sign.usPerOp - large.sha256.usPerOp, 0)} µs.`,
        '',
      );
    }
    s.note(
      'how measured: `sign()` from @dsc/signer exactly as the BFF calls it (Buffer body, fixed date) against the baseline ' +
        "`createHash('sha256').update(body).digest('hex')` over the same bytes, in the same process, in alternating 50 ms rounds " +
        `for ${process.env.BENCH_SIGN_MS ?? 1500} ms each after 50 warm-up calls.`,
    );
    s.note(
      'allocation: Node 20 has no allocation counter (`v8.getHeapStatistics()` lacks `total_allocated_bytes`), so the child runs with `--expose-gc --max-semi-space-size=256`, ' +
        'collects, signs N times keeping every result, and divides the growth of `heapUsed` (V8 heap) and `external` (Buffers, off-heap) by N; ' +
        'a PerformanceObserver on `gc` entries proves no collection ran in the window (otherwise N is halved and the window retried).',
    );
    return s.build();
  } catch (err) {
    return s.build(err);
  }
}

if (isMain(import.meta.url)) await runStandalone(runSigningCost);
