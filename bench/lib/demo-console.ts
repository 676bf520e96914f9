/** The console as `pnpm start` runs it in demo mode (simulator + BFF + built SPA), for the browser benchmarks. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, REPO_ROOT, startProcess, tail, waitForHttp, type Started } from './processes.ts';
import { BFF_NODE_FLAGS } from 'bff';

export interface DemoUser {
  username: string;
  role: string;
  password: string;
}

export interface DemoConsole {
  url: string;
  simUrl: string;
  users: DemoUser[];
  started: Started;
  /** Spawn to /healthz answering. */
  readyMs: number;
  /** The launcher found the web build stale and rebuilt it before starting. */
  built: boolean;
  stop(): Promise<void>;
}

/** Settings a developer's shell or .env might hold that would change what the launcher starts. */
const CLEARED =
  /^(HUAWEICLOUD_|DLI_ENDPOINT|MRS_ENDPOINT|DWS_ENDPOINT|CONSOLE_USERS_FILE|SESSION_SECRET|AUDIT_LOG_FILE|REDIS_URL|PORT$|HOST$|SIM_)/;

export function launcherEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!CLEARED.test(k)) env[k] = v;
  return { ...env, NODE_ENV: 'production', ...extra };
}

export async function startDemoConsole(opts: {
  dir: string;
  enhancedConnections?: number;
  timeoutMs?: number;
}): Promise<DemoConsole> {
  const port = await freePort();
  const credentialsFile = join(opts.dir, `demo-${port}.json`);
  const since = performance.now();
  // cwd is the temp dir, so no developer .env is read; start.mjs finds the repository by its own path.
  // With the flags `pnpm start` passes, so the console is measured as it runs.
  const started = startProcess(
    process.execPath,
    [...BFF_NODE_FLAGS, join(REPO_ROOT, 'scripts/start.mjs')],
    {
      logFile: join(opts.dir, `console-${port}.log`),
      cwd: opts.dir,
      env: launcherEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_CREDENTIALS_FILE: credentialsFile,
        // Settled states: nothing transitional, so no polling refetch disturbs a measurement.
        SIM_TIMING: 'immediate',
        ...(opts.enhancedConnections
          ? { SIM_ENHANCED_CONNECTIONS: String(opts.enhancedConnections) }
          : {}),
      }),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const readyMs = await waitForHttp(`${url}/healthz`, {
      since,
      timeoutMs: opts.timeoutMs ?? 300_000,
      child: started.child,
    });
    if (!existsSync(credentialsFile))
      throw new Error('the launcher wrote no demo credentials file');
    const demo = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
      users: DemoUser[];
      simUrl: string;
    };
    const built = /Building the web app/.test(readFileSync(started.logFile, 'utf8'));
    return {
      url,
      simUrl: demo.simUrl,
      users: demo.users,
      started,
      readyMs,
      built,
      stop: () => started.stop(),
    };
  } catch (err) {
    await started.stop();
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\n${tail(started.logFile)}`,
    );
  }
}
