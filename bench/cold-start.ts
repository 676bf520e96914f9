// Benchmark 6, cold start: the BFF's own entry point (real mode, as `pnpm --filter bff start`) and
// the demo launcher (`pnpm start`: simulator + BFF) from spawn until /healthz answers, against a
// bare node:http process; memory at rest, and the BFF's memory before and after the overhead run.
// Run alone: pnpm exec tsx bench/cold-start.ts
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BffMemory } from './bff-overhead.ts';
import type { MemorySnapshot } from './lib/bff-child.ts';
import { launcherEnv, startDemoConsole } from './lib/demo-console.ts';
import { freePort, REPO_ROOT, rssOf, startProcess, tail, waitForHttp } from './lib/processes.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtMiB, fmtMs, median, ratio } from './lib/stats.ts';
import { BFF_NODE_FLAGS } from 'bff';

interface Start {
  ms: number;
  rss: number | undefined;
}

/** A users file the BFF accepts: its own demo users when it can make them. */
async function usersFile(dir: string): Promise<string> {
  const bff = (await import('bff')) as Record<string, unknown>;
  const create = bff.createDemoUsers as (() => Promise<{ usersFileContent: string }>) | undefined;
  const file = join(dir, 'users.json');
  writeFileSync(file, create ? (await create()).usersFileContent : '[]', { mode: 0o600 });
  return file;
}

async function timeStart(
  dir: string,
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<Start> {
  const since = performance.now();
  const p = startProcess(cmd, args, { logFile: join(dir, `${name}.log`), cwd: dir, env });
  try {
    const ms = await waitForHttp(`http://127.0.0.1:${port}/healthz`, {
      since,
      timeoutMs: 120_000,
      child: p.child,
      intervalMs: 5,
    });
    return { ms, rss: rssOf(p.child.pid!) };
  } catch (err) {
    throw new Error(
      `${name}: ${err instanceof Error ? err.message : String(err)}: ${tail(p.logFile, 8).replace(/\s+/g, ' ')}`,
    );
  } finally {
    await p.stop();
  }
}

const summary = (runs: Start[]) => [
  fmtMs(median(runs.map((r) => r.ms)), 0),
  runs.map((r) => fmt(r.ms)).join(', '),
  fmtMiB(median(runs.map((r) => r.rss ?? Number.NaN))),
];

const memCells = (m: { before: MemorySnapshot; afterGc: MemorySnapshot | undefined }) => [
  fmtMiB(m.before.rss),
  fmtMiB(m.before.heapUsed),
  m.afterGc ? fmtMiB(m.afterGc.heapUsed) : '–',
  fmtMiB(m.before.external),
];

export async function runColdStart(
  settings: BenchSettings,
  memory?: BffMemory,
  memoryNote?: string,
): Promise<Section> {
  const s = new SectionBuilder('cold-start', '6. Cold start and memory');
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const rows: string[][] = [];

    const floor: Start[] = [];
    for (let i = 0; i < settings.coldRuns; i++) {
      const port = await freePort();
      const code = `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
      floor.push(
        await timeStart(dir, 'node-floor', process.execPath, ['-e', code], process.env, port),
      );
    }
    rows.push(['baseline: bare node:http process', ...summary(floor)]);

    console.log('  [cold-start] the BFF entry point (real mode)…');
    const bff: Start[] = [];
    const users = await usersFile(dir);
    const bffEnv = (port: number) =>
      launcherEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        HUAWEICLOUD_SDK_AK: 'BENCHAK' + randomBytes(6).toString('hex').toUpperCase(),
        HUAWEICLOUD_SDK_SK: randomBytes(24).toString('base64url'),
        HUAWEICLOUD_PROJECT_ID: randomBytes(16).toString('hex'),
        // Nothing listens there: starting must not need the cloud.
        DLI_ENDPOINT: 'http://127.0.0.1:9',
        MRS_ENDPOINT: 'http://127.0.0.1:9',
        DWS_ENDPOINT: 'http://127.0.0.1:9',
        CONSOLE_USERS_FILE: users,
        SESSION_SECRET: randomBytes(32).toString('base64url'),
      });
    const bffArgs = [
      ...BFF_NODE_FLAGS,
      '--import',
      import.meta.resolve('tsx'),
      join(REPO_ROOT, 'apps/bff/src/main.ts'),
    ];
    // One unmeasured start fills tsx's compile cache, as any earlier start on the machine would have.
    const warmPort = await freePort();
    await timeStart(dir, 'bff-warm', process.execPath, bffArgs, bffEnv(warmPort), warmPort);
    for (let i = 0; i < settings.coldRuns; i++) {
      const port = await freePort();
      bff.push(await timeStart(dir, 'bff', process.execPath, bffArgs, bffEnv(port), port));
    }
    rows.push([
      `baseline: BFF entry point from the sources (node ${BFF_NODE_FLAGS.join(' ')} --import tsx apps/bff/src/main.ts, real mode)`,
      ...summary(bff),
    ]);

    console.log('  [cold-start] the built BFF (esbuild bundle)…');
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'apps/bff/build.mjs')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`apps/bff/build.mjs failed: ${build.stderr}`);
    const builtArgs = [...BFF_NODE_FLAGS, join(REPO_ROOT, 'apps/bff/dist/main.js')];
    const built: Start[] = [];
    const warmBuilt = await freePort();
    await timeStart(dir, 'bff-built-warm', process.execPath, builtArgs, bffEnv(warmBuilt), warmBuilt);
    for (let i = 0; i < settings.coldRuns; i++) {
      const port = await freePort();
      built.push(await timeStart(dir, 'bff-built', process.execPath, builtArgs, bffEnv(port), port));
    }
    rows.push([`built BFF (node ${BFF_NODE_FLAGS.join(' ')} apps/bff/dist/main.js, real mode)`, ...summary(built)]);
    const builtMs = median(built.map((r) => r.ms));
    const sourceMs = median(bff.map((r) => r.ms));
    s.target('built BFF cold start to /healthz', '< 300 ms', `${fmtMs(builtMs, 0)} (${fmt(ratio(sourceMs, builtMs), 1)}× faster than from the sources)`, builtMs < 300);

    console.log('  [cold-start] the demo launcher…');
    // A launch that finds the web build stale rebuilds it first (others may be editing the web
    // sources): such a start is not counted and is tried again, at most twice as many times.
    const demo: Start[] = [];
    let rebuilt = 0;
    for (
      let attempt = 0;
      demo.length < settings.coldRuns && attempt < settings.coldRuns * 2 + 1;
      attempt++
    ) {
      const c = await startDemoConsole({ dir });
      if (c.built) rebuilt++;
      else demo.push({ ms: c.readyMs, rss: rssOf(c.started.child.pid!) });
      await c.stop();
    }
    if (demo.length > 0)
      rows.push([
        `demo launcher (node ${BFF_NODE_FLAGS.join(' ')} scripts/start.mjs: simulator + demo users + BFF), web build fresh`,
        ...summary(demo),
      ]);
    else s.skip('demo launcher: every start rebuilt the web app (its sources kept changing)');
    if (rebuilt > 0)
      s.note(`not counted: ${rebuilt} launcher start(s) that rebuilt the stale web build first`);
    s.table(
      [
        'process',
        `spawn → /healthz 200, median of ${settings.coldRuns}`,
        'each run (ms)',
        'RSS when ready (median)',
      ],
      rows,
    );
    s.note(
      "not counted: one BFF start before the measured ones, which fills tsx's compile cache as any earlier start would have; a start after the BFF's sources changed pays that again",
    );

    if (memory) {
      s.line(
        "**BFF memory (the overhead benchmark's BFF process, demo users, signed-in session)**",
        '',
      );
      s.table(
        ['when', 'RSS', 'heap used', 'heap used after a full GC', 'external'],
        [
          ['at rest, after start', ...memCells(memory.atRest)],
          ['after the overhead runs', ...memCells(memory.afterLoad)],
        ],
      );
    } else {
      s.skip(
        `BFF memory before and after the overhead run: ${memoryNote ?? 'the overhead benchmark did not run'}`,
      );
    }
    s.note(
      'how measured: spawn until GET /healthz answers 200, polled every 5 ms; RSS from /proc/<pid>/status when ready; heap from process.memoryUsage() inside the BFF (before and after global.gc()).',
    );
    return s.build();
  } catch (err) {
    return s.build(err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url))
  await runStandalone((settings) =>
    runColdStart(settings, undefined, 'run through `pnpm bench` (run-all.ts) to include it'),
  );
