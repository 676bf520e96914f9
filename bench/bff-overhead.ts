// Benchmark 1, BFF overhead: the same requests (a) straight to nginx serving canned answers,
// (b) through nginx proxy_pass with upstream keep-alive, (c) through the BFF (session, CSRF,
// validation, signing, keep-alive agent), plus (n) a bare node:http server as the floor under any
// Node process here. Run alone: pnpm exec tsx bench/bff-overhead.ts
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BFF_LIMITS,
  signIn,
  startBffChild,
  startIpcServer,
  type BffChild,
  type GcPause,
  type MemorySnapshot,
} from './lib/bff-child.ts';
import { cannedFromSimulator, LIST_LIMIT, type CannedAnswer } from './lib/canned-upstream.ts';
import { groupShares, summariseProfile, type CpuProfile } from './lib/cpu-profile.ts';
import { summariseHeapProfile, type HeapProfile } from './lib/heap-profile.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { runPaced, type PacedResult } from './lib/paced-load.ts';
import {
  countConnections,
  ensureNginx,
  readLog,
  startNginx,
  type RunningNginx,
} from './lib/nginx.ts';
import { freePort, type Started } from './lib/processes.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtKB, fmtMs, fmtPct, median, ratio } from './lib/stats.ts';
import { BFF_NODE_FLAGS } from 'bff';

export interface BffMemory {
  atRest: { before: MemorySnapshot; afterGc: MemorySnapshot | undefined };
  afterLoad: { before: MemorySnapshot; afterGc: MemorySnapshot | undefined };
}

type TargetId = 'a' | 'b' | FloorId | 'c';
/** The Node processes run beside the BFF as floors under it, each with the BFF's node flags. */
type FloorId = 'n' | 'p' | 'x' | 'e';
type OpId = 'list' | 'small';
const TARGETS: readonly TargetId[] = ['a', 'b', 'n', 'p', 'x', 'e', 'c'];
const TARGET_NAMES: Record<TargetId, string> = {
  a: '(a) nginx, canned answer',
  b: '(b) nginx proxy_pass → (a)',
  n: '(n) bare node:http, canned answer (floor)',
  p: '(p) bare node:http proxy → (a) (floor)',
  x: '(x) Express app, the same proxy as its only handler, default http.createServer → (a)',
  e: '(e) the same Express app served as the BFF is (createHttpServer) → (a) (floor)',
  c: '(c) BFF → (a)',
};
const OP_NAMES: Record<OpId, string> = { list: `list (limit ${LIST_LIMIT})`, small: 'small GET' };

interface Run {
  target: TargetId;
  op: OpId;
  result: LoadResult;
  upstream?: { connections: number; requests: number };
}

/** CPU of the process that answered (for (b), nginx's: the proxy and the canned upstream together). */
const CPU_LABEL: Record<TargetId, string> = {
  a: 'nginx',
  b: 'nginx',
  n: 'n',
  p: 'p',
  x: 'x',
  e: 'e',
  c: 'bff',
};
const serverCores = (r: Run): number => r.result.cores[CPU_LABEL[r.target]] ?? 0;

const P99_BUDGET_MS = 2;
const THROUGHPUT_SHARE = 0.6;

export async function runBffOverhead(
  settings: BenchSettings,
): Promise<{ section: Section; memory?: BffMemory }> {
  const s = new SectionBuilder('bff-overhead', '1. BFF overhead');
  const nginxBin = ensureNginx();
  if ('missing' in nginxBin) return { section: s.skip(nginxBin.missing).build() };

  const dir = mkdtempSync(join(tmpdir(), 'bench-overhead-'));
  let nginx: RunningNginx | undefined;
  let bff: BffChild | undefined;
  const floors: Partial<Record<FloorId, { started: Started; port: number }>> = {};
  try {
    console.log('  [bff-overhead] canned answers from the simulator…');
    const canned = await cannedFromSimulator();
    mkdirSync(join(dir, 'www'));
    writeFileSync(join(dir, 'www', 'list.json'), canned.list.body);
    writeFileSync(join(dir, 'www', 'small.json'), canned.small.body);
    const routes = [
      { path: canned.list.upstreamPath, file: 'list.json' },
      { path: canned.small.upstreamPath, file: 'small.json' },
    ];
    const ports = {
      direct: await freePort(),
      viaProxy: await freePort(),
      viaBff: await freePort(),
      proxy: await freePort(),
    };
    nginx = await startNginx(nginxBin.path, {
      dir,
      ports,
      runAsRoot: process.getuid?.() === 0,
      routes,
    });
    const toUpstream = { BENCH_UPSTREAM: `http://127.0.0.1:${ports.direct}` };
    const floorSpecs: Record<FloorId, { script: string; env: Record<string, string> }> = {
      n: {
        script: 'servers/node-floor.ts',
        env: {
          BENCH_ROUTES: JSON.stringify(routes.map((r) => [r.path, join(dir, 'www', r.file)])),
        },
      },
      p: { script: 'servers/node-proxy.ts', env: toUpstream },
      x: {
        script: 'servers/node-proxy.ts',
        env: { ...toUpstream, BENCH_PROXY_FRAMEWORK: 'express-default' },
      },
      e: {
        script: 'servers/node-proxy.ts',
        env: { ...toUpstream, BENCH_PROXY_FRAMEWORK: 'express' },
      },
    };
    for (const [id, spec] of Object.entries(floorSpecs) as Array<
      [FloorId, (typeof floorSpecs)[FloorId]]
    >) {
      const { started, ready } = await startIpcServer<{ port: number }>({
        ...spec,
        dir,
        name: `floor-${id}`,
        // The floors run with the BFF's node flags: the same runtime, without the BFF.
        nodeFlags: [...BFF_NODE_FLAGS],
      });
      floors[id] = { started, port: ready.port };
    }
    bff = await startBffChild({
      dir,
      upstream: `http://127.0.0.1:${ports.viaBff}`,
      projectId: canned.projectId,
      logLevel: settings.bffLogLevel,
      // Every request here is the same read: shared, most would never reach the upstream, and the
      // figures would measure the window instead of what the BFF does per call (read-sharing.ts does).
      env: { UPSTREAM_READ_SHARE_MS: '0' },
    });
    const atRest = await bff.memory();

    const session = await signIn(bff);
    const bffHeaders: Record<string, string> = {
      'x-csrf': '1',
      ...('cookie' in session ? { cookie: session.cookie } : {}),
    };
    if ('reason' in session) s.note(`session: ${session.reason}`);
    else
      s.note(
        'session: signed in as the demo viewer (POST /api/session); every BFF request carries its cookie and `X-CSRF: 1`',
      );

    const ops: Record<OpId, CannedAnswer> = { list: canned.list, small: canned.small };
    const urlOf = (t: TargetId, a: CannedAnswer): string => {
      const q = a.query ? `?${a.query}` : '';
      if (t === 'a') return `http://127.0.0.1:${ports.direct}${a.upstreamPath}${q}`;
      if (t === 'b') return `http://127.0.0.1:${ports.proxy}${a.upstreamPath}${q}`;
      if (t === 'c') return `${bff!.url}${a.bffPath}${q}`;
      return `http://127.0.0.1:${floors[t]!.port}${a.upstreamPath}${q}`;
    };
    const headersOf = (t: TargetId) => (t === 'c' ? bffHeaders : {});

    // Every target must answer the canned bytes before it is timed; one that cannot is left out.
    const usable: TargetId[] = [];
    for (const t of TARGETS) {
      const problems: string[] = [];
      for (const [name, a] of Object.entries(ops)) {
        const res = await fetch(urlOf(t, a), { headers: headersOf(t) });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200)
          problems.push(`${name}: HTTP ${res.status} ${body.toString('utf8', 0, 200)}`);
        else if (!body.equals(a.body))
          problems.push(`${name}: the answer differs from the canned body`);
      }
      if (problems.length === 0) usable.push(t);
      else s.skip(`${TARGET_NAMES[t]} is not measured: ${problems.join('; ')}`);
    }

    const watch: Record<string, number> = {
      bff: bff.started.child.pid!,
      nginx: nginx.started.child.pid!,
    };
    for (const [id, f] of Object.entries(floors)) watch[id] = f.started.child.pid!;
    if (settings.warmupSec > 0) {
      console.log(
        `  [bff-overhead] warming up (${settings.warmupSec} s per target and operation)…`,
      );
      for (const t of usable) {
        for (const a of Object.values(ops))
          await runLoad({
            url: urlOf(t, a),
            connections: settings.connections[0]!,
            durationSec: settings.warmupSec,
            headers: headersOf(t),
          });
      }
    }

    const logs: Partial<Record<TargetId, string>> = {
      b: join(dir, 'via-proxy.log'),
      c: join(dir, 'via-bff.log'),
    };
    const logLines = async (t: TargetId): Promise<number> => {
      const file = logs[t];
      if (!file) return 0;
      await sleep(1100); // nginx flushes its buffered access log every second
      return countConnections(readLog(file)).requests;
    };

    // Only (b) and (c) reach the logged ports, so a log's count after one run is its count before the next.
    const lastCount: Partial<Record<TargetId, number>> = {};
    for (const t of usable) if (logs[t]) lastCount[t] = await logLines(t);
    const runs: Run[] = [];
    for (const connections of settings.connections) {
      for (const op of ['list', 'small'] as const) {
        for (const t of usable) {
          const from = lastCount[t] ?? 0;
          console.log(
            `  [bff-overhead] ${TARGET_NAMES[t]}, ${op}, ${connections} connections, ${settings.durationSec} s…`,
          );
          const result = await runLoad({
            url: urlOf(t, ops[op]),
            connections,
            durationSec: settings.durationSec,
            headers: headersOf(t),
            watch,
          });
          const run: Run = { target: t, op, result };
          if (logs[t]) {
            lastCount[t] = await logLines(t);
            run.upstream = countConnections(readLog(logs[t]!), from);
          }
          runs.push(run);
        }
      }
    }
    const afterLoad = await bff.memory();

    s.line(
      `Loopback; autocannon in the benchmark process; one nginx worker; the BFF, the bare Node server, the bare Node proxy and the Express floor each in their own process. ` +
        `List: \`GET …/enhanced-connections?limit=${LIST_LIMIT}\` (canned answer of ${fmtKB(canned.list.body.length)} taken from the simulator's seeded state); ` +
        `small GET: one basic connection (${fmt(canned.small.body.length)} B). Latency per request as the load generator saw it (sub-millisecond).`,
      '',
    );
    for (const connections of settings.connections) {
      for (const op of ['list', 'small'] as const) {
        const rows = runs
          .filter((r) => r.result.connections === connections && r.op === op)
          .map((r) => [
            TARGET_NAMES[r.target],
            fmt(r.result.rps),
            fmtMs(r.result.p50, 2),
            fmtMs(r.result.p99, 2),
            fmtMs(r.result.mean, 2),
            fmt(r.result.non2xx + r.result.errors + r.result.timeouts),
            r.upstream ? `${fmt(r.upstream.connections)} for ${fmt(r.upstream.requests)} req` : '–',
            `${fmt(serverCores(r), 2)} / ${fmt(r.result.generatorCores, 2)}`,
            fmt((serverCores(r) / r.result.rps) * 1e6),
          ]);
        if (rows.length === 0) continue;
        s.line(`**${OP_NAMES[op]}, ${connections} connections**`, '');
        s.table(
          [
            'target',
            'req/s',
            'p50',
            'p99',
            'mean',
            'non-2xx + errors',
            'upstream connections opened',
            'CPU cores: server / load gen',
            'server CPU µs per request',
          ],
          rows,
        );
      }
    }

    const get = (t: TargetId, op: OpId, c: number) =>
      runs.find((r) => r.target === t && r.op === op && r.result.connections === c)?.result;
    const ratioRows: string[][] = [];
    for (const connections of settings.connections) {
      for (const op of ['list', 'small'] as const) {
        const [a, b, p, x, e, c] = (['a', 'b', 'p', 'x', 'e', 'c'] as const).map((t) =>
          get(t, op, connections),
        );
        if (!c) continue;
        ratioRows.push([
          `${OP_NAMES[op]}, ${connections} conn.`,
          a ? fmtPct(ratio(c.rps, a.rps)) : '–',
          b ? fmtPct(ratio(c.rps, b.rps)) : '–',
          p ? fmtPct(ratio(c.rps, p.rps)) : '–',
          e ? fmtPct(ratio(c.rps, e.rps)) : '–',
          p && b ? fmtPct(ratio(p.rps, b.rps)) : '–',
          x && b ? fmtPct(ratio(x.rps, b.rps)) : '–',
          e && b ? fmtPct(ratio(e.rps, b.rps)) : '–',
          a ? fmtMs(c.p99 - a.p99, 2) : '–',
          b ? fmtMs(c.p99 - b.p99, 2) : '–',
          a && b ? fmtMs(b.p99 - a.p99, 2) : '–',
          a && p ? fmtMs(p.p99 - a.p99, 2) : '–',
          a && e ? fmtMs(e.p99 - a.p99, 2) : '–',
        ]);
      }
    }
    if (ratioRows.length > 0) {
      s.line('**Ratios (same run)**', '');
      s.table(
        [
          'operation',
          'req/s c/a',
          'req/s c/b',
          'req/s c/p',
          'req/s c/e',
          'req/s p/b',
          'req/s x/b',
          'req/s e/b',
          'p99 c − a',
          'p99 c − b',
          'p99 b − a',
          'p99 p − a',
          'p99 e − a',
        ],
        ratioRows,
      );
    }

    const judged = settings.connections[0]!;
    for (const op of ['list', 'small'] as const) {
      const [a, b, c] = (['a', 'b', 'c'] as const).map((t) => get(t, op, judged));
      s.target(
        `${OP_NAMES[op]}: p99 the BFF adds over (a), ${judged} conn.`,
        `≤ ${P99_BUDGET_MS} ms`,
        a && c ? fmtMs(c.p99 - a.p99, 2) : '–',
        a && c ? c.p99 - a.p99 <= P99_BUDGET_MS : undefined,
      );
      s.target(
        `${OP_NAMES[op]}: BFF req/s vs nginx proxy (b), ${judged} conn.`,
        `≥ ${fmtPct(THROUGHPUT_SHARE)}`,
        b && c ? fmtPct(ratio(c.rps, b.rps)) : '–',
        b && c ? c.rps / b.rps >= THROUGHPUT_SHARE : undefined,
      );
    }
    // Keep-alive holds when a run opens no more upstream connections than it has clients.
    const bffRuns = runs.filter((r) => r.target === 'c' && r.upstream);
    if (bffRuns.length > 0) {
      const worst = bffRuns.reduce((w, r) =>
        r.upstream!.connections / r.result.connections >
        w.upstream!.connections / w.result.connections
          ? r
          : w,
      );
      s.target(
        'BFF keep-alive to upstream: connections opened per run',
        '≤ concurrent clients',
        bffRuns
          .map(
            (r) =>
              `${OP_NAMES[r.op]}/${r.result.connections}: ${fmt(r.upstream!.connections)} for ${fmt(r.upstream!.requests)} req`,
          )
          .join('; '),
        worst.upstream!.connections <= worst.result.connections,
      );
    }

    if (settings.pacedRate > 0)
      await pacedRuns(s, settings, usable, (t, op) => urlOf(t, ops[op]), headersOf, bff);

    if (settings.profileSec > 0 && usable.includes('c'))
      await profileBff(
        s,
        bff,
        dir,
        settings,
        { list: urlOf('c', ops.list), small: urlOf('c', ops.small) },
        bffHeaders,
      );

    const parseMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      JSON.parse(canned.list.body.toString('utf8'));
      parseMs.push(performance.now() - t0);
    }
    s.note(
      `for scale: one JSON.parse of the ${fmtKB(canned.list.body.length)} list answer takes ${fmtMs(median(parseMs), 2)} here (median of 30, benchmark process)`,
    );
    s.note(
      'how measured: one autocannon instance per run (fixed concurrency, pipelining 1, keep-alive clients); req/s counts 2xx answers over the run; ' +
        "server CPU per request = the answering process's CPU over its req/s (for (b) nginx's proxy and upstream together, for (c) the BFF alone, its upstream nginx not included), less sensitive to other load on the machine than latency; " +
        'upstream connections are the distinct `$connection` serials in the access log of the nginx port that the proxy or the BFF talks to; CPU from /proc (utime+stime) over the run. ' +
        'Targets: p99 overhead against (a), throughput against nginx as a proxy (b), both at the first concurrency level.',
    );
    s.note(
      `the BFF's per-service upstream limiter is raised to ${BFF_LIMITS.maxConcurrency} calls in flight and ${fmt(BFF_LIMITS.maxRps)}/s (UPSTREAM_MAX_CONCURRENCY, UPSTREAM_MAX_RPS) so that it never queues here; ` +
        'with its production defaults it caps each service on purpose (the cloud gateway throttles), which would measure the limiter, not the BFF.',
    );
    s.note(
      'read sharing is off here (UPSTREAM_READ_SHARE_MS=0): every BFF request is an upstream call, as every request of the floors is; the sharing benchmark counts what it saves.',
    );
    s.note(
      'the load generator, nginx and the BFF share the machine; a "load gen" CPU near 1.0 means that run was bounded by the generator, not by the server.',
    );
    return { section: s.build(), memory: { atRest, afterLoad } };
  } catch (err) {
    return { section: s.build(err) };
  } finally {
    await bff?.stop();
    for (const f of Object.values(floors)) await f.started.stop();
    await nginx?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same requests at a fixed, evenly spaced rate well below what any target can serve: what the
 * BFF adds to a request when it is not queueing behind others, which is how a console is used.
 * Informative only; the targets stay judged at fixed concurrency, as the issue sets them.
 */
async function pacedRuns(
  s: SectionBuilder,
  settings: BenchSettings,
  usable: readonly TargetId[],
  urlOf: (t: TargetId, op: OpId) => string,
  headersOf: (t: TargetId) => Record<string, string>,
  bff: BffChild,
): Promise<void> {
  const rate = settings.pacedRate;
  const results = new Map<string, PacedResult>();
  const gcRows: string[][] = [];
  for (const op of ['list', 'small'] as const) {
    for (const t of usable) {
      console.log(
        `  [bff-overhead] ${TARGET_NAMES[t]}, ${op}, paced at ${rate} req/s, ${settings.durationSec} s…`,
      );
      const stopGc = t === 'c' ? await bff.watchGc() : undefined;
      const r = await runPaced({
        url: urlOf(t, op),
        ratePerSec: rate,
        durationSec: settings.durationSec,
        headers: headersOf(t),
      });
      results.set(`${t}/${op}`, r);
      if (stopGc) {
        const pauses = await stopGc();
        const of = (kind: number) => pauses.filter((p) => p.kind === kind);
        const row = (name: string, list: GcPause[]) =>
          `${fmt(list.length)}, max ${fmtMs(list.reduce((m, p) => Math.max(m, p.ms), 0), 2)}`;
        gcRows.push([
          OP_NAMES[op],
          fmt(r.sent),
          row('scavenge', of(1)),
          row('mark-compact', of(2)),
          fmtMs(pauses.reduce((sum, p) => sum + p.ms, 0), 1),
          fmt(pauses.filter((p) => p.ms >= 1).length),
          fmtMs(r.p99, 2),
          fmtMs(r.p999, 2),
        ]);
      }
    }
  }
  const ratioRows: string[][] = [];
  for (const op of ['list', 'small'] as const) {
    const rows = usable.map((t) => {
      const r = results.get(`${t}/${op}`)!;
      return [
        TARGET_NAMES[t],
        fmt(r.answeredRps),
        fmtMs(r.p50, 2),
        fmtMs(r.p99, 2),
        fmtMs(r.p999, 2),
        fmtMs(r.max, 2),
        fmt(r.failed),
        fmtMs(r.sendLagP99, 2),
      ];
    });
    s.line(`**${OP_NAMES[op]}, paced at ${fmt(rate)} req/s (not saturating)**`, '');
    s.table(['target', 'answered/s', 'p50', 'p99', 'p99.9', 'max', 'failed', 'send lag p99'], rows);
    const [a, b, p, e, c] = (['a', 'b', 'p', 'e', 'c'] as const).map((t) =>
      results.get(`${t}/${op}`),
    );
    if (c)
      ratioRows.push([
        OP_NAMES[op],
        a ? fmtMs(c.p50 - a.p50, 2) : '–',
        a ? fmtMs(c.p99 - a.p99, 2) : '–',
        a ? fmtMs(c.p999 - a.p999, 2) : '–',
        b ? fmtMs(c.p99 - b.p99, 2) : '–',
        p ? fmtMs(c.p99 - p.p99, 2) : '–',
        e ? fmtMs(c.p99 - e.p99, 2) : '–',
      ]);
  }
  if (ratioRows.length > 0) {
    s.line(`**What the BFF adds at ${fmt(rate)} req/s (same run)**`, '');
    s.table(
      ['operation', 'p50 c − a', 'p99 c − a', 'p99.9 c − a', 'p99 c − b', 'p99 c − p', 'p99 c − e'],
      ratioRows,
    );
  }
  if (gcRows.length > 0) {
    s.line(`**The BFF's garbage collection during its paced runs** (perf_hooks \`gc\` entries in the BFF process)`, '');
    s.table(
      ['operation', 'requests', 'scavenges', 'mark-compacts', 'total pause', 'pauses ≥ 1 ms', 'p99', 'p99.9'],
      gcRows,
    );
  }
  s.note(
    `paced runs: an open-loop generator in the benchmark process (node:http, keep-alive, up to 50 sockets) sends request i at start + i/${fmt(rate)} s whether or not earlier ones are answered, ` +
      'and times each from when it was due, so a late send or a wait for a socket counts; "send lag p99" is how late the generator itself sent. ' +
      "autocannon's overallRate is not used: it releases each connection's per-second quota at the start of every second, i.e. in bursts.",
  );
}

/** A CPU profile of the BFF under the same load, charged to the code that spent it. */
/** BENCH_PROFILE_KIND=heap, heap-live or heap-promoted: the profile step samples allocations instead of CPU (servers/bff-server.ts). */
const HEAP_PROFILE = process.env.BENCH_PROFILE_KIND?.startsWith('heap') ? process.env.BENCH_PROFILE_KIND : undefined;

const HEAP_PROFILE_MEANS: Record<string, string> = {
  heap: 'collected objects included',
  'heap-live': 'only what was still reachable at the end',
  'heap-promoted': 'only what outlived the scavenges',
};

async function profileBff(
  s: SectionBuilder,
  bff: BffChild,
  dir: string,
  settings: BenchSettings,
  urls: Record<OpId, string>,
  headers: Record<string, string>,
): Promise<void> {
  const connections = settings.connections[0]!;
  for (const op of ['small', 'list'] as const) {
    console.log(
      `  [bff-overhead] profiling the BFF: ${op}, ${connections} connections, ${settings.profileSec} s…`,
    );
    const file = join(dir, `bff-${op}.cpuprofile`);
    await bff.profile('start');
    const result = await runLoad({
      url: urls[op],
      connections,
      durationSec: settings.profileSec,
      headers,
    });
    await bff.profile('stop', file);
    if (settings.profileKeepDir) {
      mkdirSync(settings.profileKeepDir, { recursive: true });
      copyFileSync(file, join(settings.profileKeepDir, `bff-${op}.cpuprofile`));
    }
    if (HEAP_PROFILE) {
      const { bytes, owners } = summariseHeapProfile(JSON.parse(readFileSync(file, 'utf8')) as HeapProfile);
      const perRequest = (b: number) => fmt(b / 1024 / Math.max(1, result.ok), 1);
      s.line(
        `**What the BFF allocates: ${OP_NAMES[op]}, ${connections} connections** (${fmt(result.ok)} requests, ${perRequest(bytes)} kB per request, ${HEAP_PROFILE_MEANS[HEAP_PROFILE] ?? HEAP_PROFILE}; BENCH_PROFILE_KIND=${HEAP_PROFILE})`,
        '',
      );
      s.table(['allocated by', 'kB per request'], owners.slice(0, 14).map((o) => [o.owner, perRequest(o.bytes)]));
      continue;
    }
    const { busyMs, shares } = summariseProfile(
      JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    );
    const perRequestUs = (busyMs * 1000) / Math.max(1, result.ok);
    s.line(
      `**Where the BFF's CPU goes: ${OP_NAMES[op]}, ${connections} connections** (${fmt(result.ok)} requests, ${fmt(perRequestUs)} µs of BFF CPU per request, profiled separately from the timed runs; ` +
        `${groupShares(shares)
          .map((g) => `${g.kind} ${fmtPct(g.share, 0)}`)
          .join(', ')})`,
      '',
    );
    s.table(
      ['charged to', 'share', 'µs per request'],
      shares
        .slice(0, 14)
        .map((x) => [x.owner, fmtPct(x.share, 1), fmt((x.ms * 1000) / Math.max(1, result.ok))]),
    );
  }
  s.note(
    "profile: V8's sampling profiler inside the BFF process (250 µs interval, its own inspector work left out) during a separate load run; " +
      'each sample is charged to the innermost frame with a source (app file, npm package or Node core module), so a native leaf such as a socket write counts for the module that called it.',
  );
}

if (isMain(import.meta.url))
  await runStandalone(async (settings) => (await runBffOverhead(settings)).section);
