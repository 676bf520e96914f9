import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '@dsc/api-types';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import { SESSION_SECRET, makeTestUsers, usersFileContent } from './harness.ts';

// The real entry point (src/main.ts) in its own process, in real mode against an in-process
// simulator: SIGTERM during a slow request lets it finish, writes its audit line, exits 0.

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(BFF_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = path.join(BFF_DIR, 'src/main.ts');

let sim: RunningSim;
const credentials = randomCredentials();
const users = makeTestUsers();
let usersFile: string;
beforeAll(async () => {
  sim = await startSim({ credentials: [credentials], seed: 7, timing: { mode: 'immediate' } });
  usersFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bff-shutdown-users-')), 'users.json');
  writeFileSync(usersFile, await usersFileContent(Object.values(users)));
});
afterAll(async () => {
  await sim?.close();
});

interface Running {
  child: ChildProcess;
  url: string;
  auditFile: string;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

async function startBff(env: Record<string, string>): Promise<Running> {
  // A working directory of its own: no stray .env is read, data/ lands in a temporary place.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'bff-shutdown-'));
  const auditFile = path.join(cwd, 'audit', 'audit.log');
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      HUAWEICLOUD_SDK_AK: credentials.ak,
      HUAWEICLOUD_SDK_SK: credentials.sk,
      HUAWEICLOUD_PROJECT_ID: sim.projectId,
      DLI_ENDPOINT: sim.url,
      MRS_ENDPOINT: sim.url,
      DWS_ENDPOINT: sim.url,
      CONSOLE_USERS_FILE: usersFile,
      SESSION_SECRET,
      AUDIT_LOG_FILE: auditFile,
      WEB_DIST_DIR: cwd,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts.filter(Boolean)) {
        const line = JSON.parse(l) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.port === 'number' && String(line.msg).startsWith('BFF listening')) resolve(`http://127.0.0.1:${line.port}`);
      }
    });
    void exited.then((code) => reject(new Error(`the BFF exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url, auditFile, lines, exited };
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'x-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ username: users.operator.username, password: users.operator.password }),
  });
  expect(res.status).toBe(200);
  return /dsc_session=([^;]+)/.exec(res.headers.getSetCookie().join(';'))![1]!;
}

function create(url: string, cookie: string, name: string): Promise<Response> {
  return fetch(`${url}/api/dli/enhanced-connections`, {
    method: 'POST',
    headers: { 'x-csrf': '1', 'content-type': 'application/json', cookie: `dsc_session=${cookie}` },
    body: JSON.stringify({ name, dest_vpc_id: 'vpc-sd-1', dest_network_id: 'subnet-sd-1' }),
  });
}

async function untilCreateArrives(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (sim.control.requests().some((r) => r.operation === 'dli.createEnhancedConnection')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the create never reached the simulator');
}

describe('SIGTERM', () => {
  it('stops accepting, finishes the request in flight, syncs its audit line and exits 0', async () => {
    const bff = await startBff({ SHUTDOWN_TIMEOUT_MS: '10000' });
    try {
      const cookie = await signIn(bff.url);
      sim.control.clearRequests();
      sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', latencyMs: 1500, times: 1 }]);
      const name = `shutdown_${Date.now()}`;
      const pending = create(bff.url, cookie, name);
      await untilCreateArrives();
      bff.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      // No new connections.
      await expect(fetch(`${bff.url}/healthz`)).rejects.toThrow();

      const res = await pending;
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('close');
      const id = ((await res.json()) as { connection_id: string }).connection_id;
      expect(await bff.exited).toBe(0);

      const audit = readFileSync(bff.auditFile, 'utf8').trim().split('\n').map((l) => AuditEntry.parse(JSON.parse(l)));
      const line = audit.find((e) => e.operation === 'dli.createEnhancedConnection');
      expect(line).toMatchObject({ outcome: 'success', httpStatus: 200, user: users.operator.username });
      expect(sim.control.stats().creates.enhancedConnections).toBeGreaterThan(0);
      expect(id).toBeTruthy();
      const messages = bff.lines.map((l) => l.msg);
      expect(messages).toContain('shutting down: no new connections, finishing requests in flight');
      expect(messages.at(-1)).toBe('stopped');
    } finally {
      bff.child.kill('SIGKILL');
    }
  });

  it('cuts what is still running at SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const bff = await startBff({ SHUTDOWN_TIMEOUT_MS: '300', UPSTREAM_WRITE_TIMEOUT_MS: '20000' });
    try {
      const cookie = await signIn(bff.url);
      sim.control.clearRequests();
      sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', latencyMs: 5000, times: 1 }]);
      const pending = create(bff.url, cookie, `shutdown_cut_${Date.now()}`).then(
        (r) => r.status,
        () => 'cut',
      );
      await untilCreateArrives();
      const t0 = Date.now();
      bff.child.kill('SIGTERM');
      expect(await bff.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(await pending).toBe('cut');
      expect(bff.lines.map((l) => l.msg)).toContain('shutdown deadline reached: closing the remaining connections');
    } finally {
      bff.child.kill('SIGKILL');
    }
  });
});
