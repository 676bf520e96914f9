// The BFF as the overhead benchmark runs it: createServer() with its upstream pointed at the canned
// nginx upstream, demo users when the BFF offers them, in its own process (the load generator must
// not share this event loop). Talks to the benchmark over IPC: 'ready' with the port and the demo
// sign-ins (never printed), and 'memory' on request.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import * as bff from 'bff';

interface DemoUsers {
  users: Array<{ username: string; role: string; password: string }>;
  usersFileContent: string;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`bff-server: ${name} is not set`);
  return v;
}

async function main(): Promise<void> {
  // The per-service limiter (UPSTREAM_MAX_CONCURRENCY / UPSTREAM_MAX_RPS) protects the cloud's
  // gateway; the benchmark raises it so that the figures show what the BFF itself costs.
  // Sign-in arrives with createDemoUsers(); until then the BFF lets every request through.
  const create = (bff as Record<string, unknown>).createDemoUsers as
    (() => Promise<DemoUsers>) | undefined;
  let users: DemoUsers['users'] = [];
  let usersFile: string | undefined;
  if (typeof create === 'function') {
    const demo = await create();
    // The benchmark starts this process in its own temp dir and removes that dir at the end.
    usersFile = join(mkdtempSync(join(process.cwd(), 'users-')), 'users.json');
    writeFileSync(usersFile, demo.usersFileContent, { mode: 0o600 });
    users = demo.users;
  }
  // With CONSOLE_TARGETS_FILE (the fleet benchmark) the BFF runs in real mode on those targets;
  // otherwise in demo mode on the one upstream the benchmark names.
  const fleet = process.env.CONSOLE_TARGETS_FILE !== undefined;
  let config = bff.loadConfig({
    ...(fleet ? process.env : {}),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR,
    UPSTREAM_MAX_CONCURRENCY: process.env.UPSTREAM_MAX_CONCURRENCY,
    UPSTREAM_MAX_RPS: process.env.UPSTREAM_MAX_RPS,
    RESPONSE_SEND_TIMEOUT_MS: process.env.RESPONSE_SEND_TIMEOUT_MS,
    UPSTREAM_READ_SHARE_MS: process.env.UPSTREAM_READ_SHARE_MS,
    ...(usersFile ? { CONSOLE_USERS_FILE: usersFile, SESSION_SECRET: randomBytes(32).toString('base64url') } : {}),
  });
  if (!fleet) {
    config = bff.withDemoUpstream(config, {
      credentials: {
        ak: 'BENCHAK' + randomBytes(8).toString('hex').toUpperCase(),
        sk: randomBytes(24).toString('base64url'),
      },
      projectId: env('BENCH_PROJECT_ID'),
      endpoint: env('BENCH_UPSTREAM'),
    });
  }

  const server = bff.createServer(config);
  const httpServer = bff.createHttpServer(server.app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const addr = httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  // A CPU profile of exactly the load window, on request: where the BFF's time goes (or, with
  // BENCH_PROFILE_KIND=heap…, an allocation profile: where its bytes go).
  const heapKind = process.env.BENCH_PROFILE_KIND?.startsWith('heap') ? process.env.BENCH_PROFILE_KIND : undefined;
  const inspector = new Session();
  inspector.connect();
  // The garbage collector's pauses over a window, on request: what a paced run's tail may be made of.
  let gcPauses: Array<{ kind: number; ms: number; at: number }> = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      gcPauses.push({ kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? 0, ms: e.duration, at: e.startTime });
  });
  process.on('message', (msg: { type?: string; file?: string }) => {
    if (msg?.type === 'gc-start') {
      gcPauses = [];
      gcObserver.observe({ entryTypes: ['gc'] });
      process.send?.({ type: 'gc-started' });
    } else if (msg?.type === 'gc-stop') {
      gcObserver.disconnect();
      process.send?.({ type: 'gc-stopped', pauses: gcPauses });
    } else if (msg?.type === 'memory') {
      const before = process.memoryUsage();
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const after = process.memoryUsage();
      process.send?.({ type: 'memory', before, afterGc: gc ? after : undefined });
    } else if (msg?.type === 'profile-start') {
      void (async () => {
        if (heapKind) {
          // Where the bytes are allocated. 'heap': collected ones included (what the scavenges
          // cost); 'heap-live': only what is still reachable when the profile stops;
          // 'heap-promoted': what outlived the scavenges (reached the old generation), dead or alive.
          await inspector.post('HeapProfiler.enable');
          await inspector.post('HeapProfiler.startSampling', {
            samplingInterval: 1024,
            includeObjectsCollectedByMajorGC: heapKind !== 'heap-live',
            includeObjectsCollectedByMinorGC: heapKind === 'heap',
          } as never);
        } else {
          await inspector.post('Profiler.enable');
          await inspector.post('Profiler.setSamplingInterval', { interval: 250 });
          await inspector.post('Profiler.start');
        }
        process.send?.({ type: 'profile-started' });
      })();
    } else if (msg?.type === 'profile-stop' && msg.file) {
      const file = msg.file;
      void (async () => {
        const { profile } = heapKind
            ? await inspector.post('HeapProfiler.stopSampling')
            : await inspector.post('Profiler.stop');
        writeFileSync(file, JSON.stringify(profile));
        process.send?.({ type: 'profile-stopped' });
      })();
    }
  });
  const stop = () => {
    httpServer.close(() => void server.close().then(() => process.exit(0)));
    httpServer.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.send?.({ type: 'ready', port, users, signIn: typeof create === 'function' });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
