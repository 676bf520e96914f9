import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, constants as fsc, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import { SESSION_SECRET, makeTestUsers, usersFileContent } from './harness.ts';

// The real entry point (src/main.ts) with its stdout a pipe that nobody reads: the log
// destination blocks, yet SIGTERM must still end the process within SHUTDOWN_TIMEOUT_MS (+1 s).

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(BFF_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = path.join(BFF_DIR, 'src/main.ts');
const SHUTDOWN_TIMEOUT_MS = 500;

let sim: RunningSim;
const credentials = randomCredentials();
let usersFile: string;
beforeAll(async () => {
  sim = await startSim({ credentials: [credentials], seed: 7, timing: { mode: 'immediate' } });
  usersFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bff-stdout-users-')), 'users.json');
  writeFileSync(usersFile, await usersFileContent(Object.values(makeTestUsers())));
});
afterAll(async () => {
  await sim?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A named pipe whose read end is held open and never read; the write end is the child's stdout. */
function unreadFifo(): { writeFd: number; close: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-fifo-'));
  const fifo = path.join(dir, 'stdout');
  execFileSync('mkfifo', [fifo]);
  const readFd = openSync(fifo, fsc.O_RDONLY | fsc.O_NONBLOCK);
  const writeFd = openSync(fifo, fsc.O_WRONLY);
  return { writeFd, close: () => closeSync(readFd) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function get(port: number, p: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the BFF never answered');
}

describe.each([
  ['a named pipe (blocking writes)', 'fifo'],
  ['a socket pair the parent stops reading (non-blocking writes)', 'socket'],
] as const)('SIGTERM with stdout %s that nobody reads', (_label, kind) => {
  it(`exits within SHUTDOWN_TIMEOUT_MS + 1 s after the log destination filled up`, async () => {
    const port = await freePort();
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'bff-stdout-'));
    const fifo = kind === 'fifo' ? unreadFifo() : undefined;
    const child = spawn(process.execPath, ['--import', TSX, MAIN], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        HUAWEICLOUD_SDK_AK: credentials.ak,
        HUAWEICLOUD_SDK_SK: credentials.sk,
        HUAWEICLOUD_PROJECT_ID: sim.projectId,
        DLI_ENDPOINT: sim.url,
        MRS_ENDPOINT: sim.url,
        DWS_ENDPOINT: sim.url,
        CONSOLE_USERS_FILE: usersFile,
        SESSION_SECRET,
        AUDIT_LOG_FILE: path.join(cwd, 'audit.log'),
        WEB_DIST_DIR: cwd,
        SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      },
      stdio: ['ignore', fifo ? fifo.writeFd : 'pipe', 'ignore'],
    });
    if (fifo) closeSync(fifo.writeFd);
    // The socket's parent end is never read: nothing is ever taken off it.
    child.stdout?.pause();
    let exitedAt: number | undefined;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        exitedAt = Date.now();
        resolve(code);
      }),
    );
    try {
      await until(async () => (await get(port, '/healthz')) === 200);
      // Each request writes an access line: far more than any pipe or socket buffer holds.
      for (let round = 0; round < 40; round++) {
        await Promise.all(Array.from({ length: 50 }, () => get(port, '/healthz')));
      }
      const sentAt = Date.now();
      child.kill('SIGTERM');
      const outcome = await Promise.race([
        exited.then((code) => ({ code })),
        new Promise<'hung'>((r) => setTimeout(() => r('hung'), SHUTDOWN_TIMEOUT_MS + 15_000)),
      ]);
      expect(outcome).not.toBe('hung');
      // The bound the process itself enforces; the margin above is only the test's patience.
      expect(exitedAt! - sentAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1000 + 2000);
    } finally {
      child.kill('SIGKILL');
      fifo?.close();
    }
  }, 40_000);
});
