import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A port free right now on 127.0.0.1 (the provider must know the console's redirect URI before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ConsoleProcess {
  url: string;
  auditLogFile: string;
  /** Everything the console wrote to stdout and stderr. */
  output(): string;
  auditLines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * The console as `pnpm start` runs it (scripts/launch.ts: demo mode on the simulator, demo users
 * as break-glass password sign-ins) in a child process, so NODE_EXTRA_CA_CERTS — read by Node only
 * at start — makes it trust the test provider's throw-away CA.
 */
export async function startConsole(o: {
  port: number;
  env: Record<string, string>;
  caFile: string;
}): Promise<ConsoleProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-oidc-console-'));
  const auditLogFile = path.join(dir, 'audit.log');
  writeFileSync(auditLogFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Demo mode, whatever the developer's shell holds; no inherited OIDC setting either.
    if (
      v !== undefined &&
      !/^(HUAWEICLOUD_|OIDC_|CONSOLE_|SESSION_|REDIS_URL|AUDIT_LOG_FILE|PORT$|HOST$)/.test(k)
    )
      env[k] = v;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/launch.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(o.port),
      LOG_LEVEL: 'warn',
      AUDIT_LOG_FILE: auditLogFile,
      DEMO_CREDENTIALS_FILE: path.join(dir, 'demo-credentials.json'),
      NODE_EXTRA_CA_CERTS: o.caFile,
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('is running at')) resolve();
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`console exited (${code}) before it listened:\n${output}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${o.port}`,
    auditLogFile,
    output: () => output,
    auditLines: () =>
      readFileSync(auditLogFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
