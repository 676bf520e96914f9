/** Starts servers/bff-server.ts in its own process and talks to it over IPC. */
import { join } from 'node:path';
import { startProcess, tail, tsxArgs, type Started } from './processes.ts';
import { BFF_NODE_FLAGS } from 'bff';

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface BffChild {
  started: Started;
  url: string;
  /** Demo sign-ins, when the BFF has them (never printed). */
  users: Array<{ username: string; role: string; password: string }>;
  signInAvailable: boolean;
  startupMs: number;
  memory(): Promise<{ before: MemorySnapshot; afterGc: MemorySnapshot | undefined }>;
  /** Asks the BFF process to start/stop its own CPU profiler (stop writes the .cpuprofile to file). */
  profile(command: 'start' | 'stop', file?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Above any load the benchmark generates, so the limiter never queues (the settings' maxima allow it). */
export const BFF_LIMITS = { maxConcurrency: 256, maxRps: 10_000 };

interface ReadyMessage {
  type: 'ready';
  port: number;
  users: BffChild['users'];
  signIn: boolean;
}

/** Starts a bench server script that reports `{type: 'ready', port, …}` over IPC. */
export async function startIpcServer<T extends { port: number }>(opts: {
  script: string;
  dir: string;
  name: string;
  env: Record<string, string>;
  nodeFlags?: string[];
}): Promise<{ started: Started; ready: T }> {
  const started = startProcess(process.execPath, tsxArgs(opts.script, opts.nodeFlags), {
    logFile: join(opts.dir, `${opts.name}.log`),
    ipc: true,
    cwd: opts.dir,
    env: { ...process.env, NODE_ENV: 'production', ...opts.env },
  });
  const { child } = started;
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${opts.name} did not start within 60 s: ${tail(started.logFile)}`)),
      60_000,
    );
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(m as unknown as T);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (code ${code}): ${tail(started.logFile)}`));
    });
  });
  return { started, ready };
}

export async function startBffChild(opts: {
  dir: string;
  logLevel: string;
  nodeFlags?: string[];
} & ({ upstream: string; projectId: string } | { targets: { file: string; env: Record<string, string> } })): Promise<BffChild> {
  const since = performance.now();
  const { started, ready } = await startIpcServer<ReadyMessage>({
    script: 'servers/bff-server.ts',
    dir: opts.dir,
    name: 'bff',
    // As every start of the BFF runs (apps/bff/src/node-flags.ts), plus gc() for the memory figures.
    nodeFlags: [...BFF_NODE_FLAGS, '--expose-gc', ...(opts.nodeFlags ?? [])],
    env: {
      ...('targets' in opts
        ? { CONSOLE_TARGETS_FILE: opts.targets.file, ...opts.targets.env }
        : { BENCH_UPSTREAM: opts.upstream, BENCH_PROJECT_ID: opts.projectId }),
      LOG_LEVEL: opts.logLevel,
      UPSTREAM_MAX_CONCURRENCY: String(BFF_LIMITS.maxConcurrency),
      UPSTREAM_MAX_RPS: String(BFF_LIMITS.maxRps),
    },
  });
  const { child } = started;
  const startupMs = performance.now() - since;
  return {
    started,
    url: `http://127.0.0.1:${ready.port}`,
    users: ready.users,
    signInAvailable: ready.signIn,
    startupMs,
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('the BFF did not report its memory')),
          10_000,
        );
        const onMessage = (m: {
          type?: string;
          before?: MemorySnapshot;
          afterGc?: MemorySnapshot;
        }) => {
          if (m?.type !== 'memory' || !m.before) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({ before: m.before, afterGc: m.afterGc });
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    profile: (command, file) =>
      new Promise((resolve, reject) => {
        const want = command === 'start' ? 'profile-started' : 'profile-stopped';
        const timer = setTimeout(
          () => reject(new Error(`the BFF did not confirm profile-${command}`)),
          30_000,
        );
        const onMessage = (m: { type?: string }) => {
          if (m?.type !== want) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ type: `profile-${command}`, file });
      }),
    stop: () => started.stop(),
  };
}

/**
 * Signs in as the demo viewer (the least privilege that may list) and returns the Cookie header to
 * send, or why not.
 */
export async function signIn(bff: BffChild): Promise<{ cookie: string } | { reason: string }> {
  if (!bff.signInAvailable)
    return {
      reason:
        'sign-in is not available yet (bff exports no createDemoUsers): measured without a session',
    };
  const user = bff.users.find((u) => u.role === 'viewer') ?? bff.users[0];
  if (!user) return { reason: 'the BFF made no demo users' };
  const res = await fetch(`${bff.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf': '1' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  await res.arrayBuffer();
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter(Boolean);
  if (res.status !== 200 || cookies.length === 0)
    return {
      reason: `POST /api/session answered ${res.status}${cookies.length ? '' : ' without a cookie'}`,
    };
  return { cookie: cookies.join('; ') };
}
