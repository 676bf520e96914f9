// Fleet: the merged list over 5 targets × 2,000 connections through the BFF, against one target's
// whole list through the same BFF in the same run (the baseline); then the same with a sixth
// target that never answers, whose read deadline bounds the answer; and the BFF's RSS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomCredentials, startSim } from 'cloud-sim';
import { signIn, startBffChild } from './lib/bff-child.ts';
import { fmtMiB, fmtMs, median, percentile, ratio } from './lib/stats.ts';
import { SectionBuilder, table, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';

const TARGETS = 5;
const PER_TARGET = 2_000;
const DEAD_DEADLINE_MS = 2_000;
const RUNS = 7;

const projectId = (i: number) => i.toString(16).padStart(32, '0');

async function timed(url: string, cookie: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie, 'x-csrf': '1' } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

async function series(url: string, cookie: string, runs = RUNS) {
  await timed(url, cookie); // warm: sockets, JIT
  const out: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await timed(url, cookie);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    out.push(r.ms);
    bytes = r.bytes;
  }
  return { p50: median(out), p95: percentile(out, 95), bytes };
}

export async function runFleet(settings: BenchSettings): Promise<Section> {
  const s = new SectionBuilder('fleet', '10. Fleet: merged list over several targets');
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  const keys = Array.from({ length: TARGETS + 1 }, () => randomCredentials());
  const sim = await startSim({
    projects: Array.from({ length: TARGETS }, (_, i) => ({
      projectId: projectId(i + 1),
      credentials: [keys[i]!],
      seed: 100 + i,
      enhancedConnections: PER_TARGET,
      timing: { mode: 'immediate' as const },
    })),
  });
  // The dead target: a simulator whose every DLI answer takes longer than the target's deadline.
  const dead = await startSim({ projectId: projectId(99), credentials: [keys[TARGETS]!], enhancedConnections: 1, timing: { mode: 'immediate' } });
  dead.control.faults.replace([{ service: 'dli', latencyMs: 120_000 }]);
  const env: Record<string, string> = {};
  const entry = (i: number, url: string, extra: object = {}) => {
    env[`T${i}_AK`] = keys[i]!.ak;
    env[`T${i}_SK`] = keys[i]!.sk;
    return {
      id: `t${i + 1}`,
      name: `Target ${i + 1}`,
      region: 'cn-north-4',
      projectId: i === TARGETS ? projectId(99) : projectId(i + 1),
      credentials: { akEnv: `T${i}_AK`, skEnv: `T${i}_SK` },
      endpoints: { dli: url, mrs: url, dws: url },
      ...extra,
    };
  };
  const file = join(dir, 'targets.json');
  writeFileSync(
    file,
    JSON.stringify({
      targets: [
        ...Array.from({ length: TARGETS }, (_, i) => entry(i, sim.url)),
        entry(TARGETS, dead.url, { id: 'dead', readTimeoutMs: DEAD_DEADLINE_MS }),
      ],
    }),
  );
  const bff = await startBffChild({ dir, logLevel: 'warn', targets: { file, env } });
  try {
    const session = await signIn(bff);
    if ('reason' in session) return s.skip(session.reason).build();
    const { cookie } = session;
    const rssBefore = (await bff.memory()).before.rss;
    const alive = Array.from({ length: TARGETS }, (_, i) => `t${i + 1}`).join(',');

    const one = await series(`${bff.url}/api/t/t1/dli/enhanced-connections?limit=0`, cookie);
    const merged = await series(`${bff.url}/api/fleet/dli/enhanced-connections?targets=${alive}&limit=100`, cookie);
    const withDead = await series(`${bff.url}/api/fleet/dli/enhanced-connections?targets=all&limit=100`, cookie, 3);
    const mem = await bff.memory();

    s.line(
      `${TARGETS} targets × ${PER_TARGET.toLocaleString('en')} connections on the simulator, one BFF in its own process (as \`pnpm start\` runs it); ${RUNS} sequential requests after a warm-up, wall time at the client.`,
      '',
      ...table(
        ['request', 'p50', 'p95', 'answer bytes', 'vs one target (p50)'],
        [
          ['one target, whole list (baseline)', fmtMs(one.p50), fmtMs(one.p95), one.bytes.toLocaleString('en'), '1.00×'],
          [`merged, ${TARGETS} targets, first 100`, fmtMs(merged.p50), fmtMs(merged.p95), merged.bytes.toLocaleString('en'), `${ratio(merged.p50, one.p50).toFixed(2)}×`],
          [`merged + a target that never answers (deadline ${DEAD_DEADLINE_MS} ms)`, fmtMs(withDead.p50), fmtMs(withDead.p95), withDead.bytes.toLocaleString('en'), `${ratio(withDead.p50, one.p50).toFixed(2)}×`],
        ],
      ),
      '',
      ...table(
        ['BFF memory', 'RSS'],
        [
          ['after start and sign-in', fmtMiB(rssBefore)],
          ['after the runs', fmtMiB(mem.before.rss)],
          ['after the runs, after gc', mem.afterGc ? fmtMiB(mem.afterGc.rss) : '–'],
        ],
      ),
    );
    s.target('merged first page (BFF answer)', '< 1 s', fmtMs(merged.p95) + ' p95', merged.p95 < 1_000);
    s.target('rows with one target never answering', `≤ its deadline + 200 ms (${DEAD_DEADLINE_MS + 200} ms)`, fmtMs(withDead.p95) + ' p95', withDead.p95 <= DEAD_DEADLINE_MS + 200);
    s.target('BFF memory bounded', 'RSS after gc < 300 MiB', mem.afterGc ? fmtMiB(mem.afterGc.rss) : fmtMiB(mem.before.rss), (mem.afterGc ?? mem.before).rss < 300 * 1024 * 1024);
    s.note('how measured: BFF answer time at the client; the browser figure (first rows visible) is in the large-lists section when the fleet page is measured there.');
    void settings;
    return s.build();
  } finally {
    await bff.stop();
    await sim.close();
    await dead.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
