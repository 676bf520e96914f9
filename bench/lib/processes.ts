/** Child processes and ports for the benchmarks: everything started here is stopped by its pid. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(BENCH_DIR);

/** A port the kernel just handed out (closed again, so there is a small race; fine on a bench box). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers 2xx; returns the milliseconds since `since` (a performance.now()). */
export async function waitForHttp(
  url: string,
  opts: { since: number; timeoutMs: number; child?: ChildProcess; intervalMs?: number },
): Promise<number> {
  const deadline = opts.since + opts.timeoutMs;
  for (;;) {
    if (opts.child && opts.child.exitCode !== null)
      throw new Error(`the process exited (code ${opts.child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now() - opts.since;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline)
      throw new Error(`${url} did not answer within ${opts.timeoutMs} ms`);
    await sleep(opts.intervalMs ?? 10);
  }
}

export interface Started {
  child: ChildProcess;
  /** Where stdout and stderr go (read it when something fails). */
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Spawns a command writing straight into logFile (no pipe through this process, which may be busy
 * generating load); stop() sends SIGTERM, then SIGKILL after 5 s.
 */
export function startProcess(
  cmd: string,
  args: string[],
  opts: SpawnOptions & { logFile: string; ipc?: boolean },
): Started {
  const { logFile, ipc, ...spawnOpts } = opts;
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, {
    stdio: ['ignore', fd, fd, ...(ipc ? ['ipc' as const] : [])],
    ...spawnOpts,
  });
  closeSync(fd);
  return { child, logFile, stop: () => stopChild(child) };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The last lines of a log, for error messages. */
export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Resident set size of a process from /proc (Linux); undefined elsewhere or once it has gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Node arguments to run a TypeScript file with tsx registered, as the console itself runs. */
export function tsxArgs(script: string, nodeFlags: string[] = []): string[] {
  return [...nodeFlags, '--import', import.meta.resolve('tsx'), join(BENCH_DIR, script)];
}
