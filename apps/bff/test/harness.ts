import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { AuditEntry, ConsoleError, type Role } from '@dsc/api-types';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import {
  createHttpServer,
  createLogger,
  createServer,
  hashPassword,
  loadConfig,
  openAuditLog,
  withDemoUpstream,
  type AuditLog,
  type Credentials,
  type KvStore,
  type ScryptParams,
} from '../src/index.ts';

export const SESSION_SECRET = 'session-secret-for-tests-0123456789abcdef';
/** Cheap scrypt parameters so tests can sign in often; the format is the production one. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface TestUser {
  username: string;
  role: Role;
  /** Roles per target instead of `role` on all of them. */
  roles?: Record<string, Role>;
  password: string;
}

/** One user per role; passwords are random per run so a leak check can look for them. */
export function makeTestUsers(): Record<Role, TestUser> {
  const pw = () => `pw-${randomBytes(9).toString('base64url')}`;
  return {
    viewer: { username: 'vera', role: 'viewer', password: pw() },
    operator: { username: 'otto', role: 'operator', password: pw() },
    admin: { username: 'ada', role: 'admin', password: pw() },
  };
}

export async function usersFileContent(users: TestUser[], params: ScryptParams = TEST_SCRYPT): Promise<string> {
  const entries = await Promise.all(
    users.map(async (u) => ({
      username: u.username,
      ...(u.roles ? { roles: u.roles } : { role: u.role }),
      passwordHash: await hashPassword(u.password, params),
    })),
  );
  return JSON.stringify(entries, null, 2);
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The session cookie value to send; null sends none. Default: the harness's signed-in session. */
  cookie?: string | null;
}

export interface Harness {
  bffUrl: string;
  sim: RunningSim;
  credentials: Credentials & { securityToken: string };
  users: Record<Role, TestUser>;
  usersFile: string;
  auditLogFile: string;
  /** The session cookie value of the user `signInAs` named (undefined with signInAs: null). */
  cookie: string | undefined;
  /** Every log line the BFF wrote. */
  logs: string[];
  /** Every response the tests received from the BFF (headers without Set-Cookie, and body). */
  responses: string[];
  /** Every session cookie value the BFF handed out. */
  cookiesIssued: string[];
  webDistDir: string;
  /** Starts the BFF's shutdown mode (as SIGTERM does), without stopping the server. */
  drain(): void;
  call(method: string, path: string, opts?: CallOptions): Promise<ApiResponse>;
  /** Signs in as one of the harness's users (or any credentials); answers the response and the new cookie value. */
  signIn(who: Role | { username: string; password: string }, headers?: Record<string, string>): Promise<{ res: ApiResponse; cookie: string | undefined }>;
  /** The audit file, parsed line by line. */
  auditEntries(): AuditEntry[];
  close(): Promise<void>;
}

function writeTargetsFile(dir: string, content: unknown): string {
  const file = path.join(dir, 'targets.json');
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}

/** A built SPA stand-in: index.html and one hashed asset. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/app-1a2b3c.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js'), 'console.log("app");');
  return dir;
}

export interface HarnessOptions {
  timeoutMs?: number;
  /** Sign with this SK instead of the simulator's (a second AK is used so the first never locks). */
  wrongSk?: boolean;
  /** Point every service here instead of at the simulator. */
  endpoint?: string;
  /** Whom `call` acts as by default (signed in at start); null: nobody. Default operator. */
  signInAs?: Role | null;
  /** More settings (TRUST_PROXY, REDIS_URL, SESSION_IDLE_MINUTES, …). */
  env?: Record<string, string>;
  now?: () => Date;
  /** Reuse a running simulator (several BFF instances on one) with its credentials; it is then not closed here. */
  sim?: RunningSim;
  credentials?: Credentials & { securityToken: string };
  /** Reuse users and their file (several instances); default fresh ones. */
  users?: Record<Role, TestUser>;
  usersFile?: string;
  /** Wraps the audit log (e.g. to slow it down). */
  wrapAudit?: (log: AuditLog) => AuditLog;
  /**
   * Real mode on several targets: the CONSOLE_TARGETS_FILE content and the variables holding its
   * secrets (the harness's own simulator and credentials are then not used for signing).
   */
  targets?: { file: unknown; env: Record<string, string> };
  /** A store shared with another instance (the caller closes it). */
  store?: KvStore;
  idempotencyWaitMs?: number;
  readinessCacheMs?: number;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (opts.sim && !opts.credentials) throw new Error('a shared simulator needs its credentials');
  const good = opts.credentials ?? { ...randomCredentials(), securityToken: `token-${randomCredentials().sk}` };
  const second = randomCredentials();
  const sim = opts.sim ?? (await startSim({ credentials: [good, second], seed: 7, timing: { mode: 'immediate' } }));
  const credentials: Credentials = opts.wrongSk ? { ak: second.ak, sk: `${second.sk.slice(0, -4)}XXXX` } : good;

  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-test-'));
  const users = opts.users ?? makeTestUsers();
  const usersFile = opts.usersFile ?? path.join(dir, 'users.json');
  if (!opts.usersFile) writeFileSync(usersFile, await usersFileContent(Object.values(users)));
  const auditLogFile = path.join(dir, 'audit', 'audit.log');

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const webDistDir = fakeWebDist();
  const loaded = loadConfig({
    LOG_LEVEL: 'debug',
    SESSION_SECRET,
    WEB_DIST_DIR: webDistDir,
    UPSTREAM_TIMEOUT_MS: String(opts.timeoutMs ?? 5000),
    CONSOLE_USERS_FILE: usersFile,
    AUDIT_LOG_FILE: auditLogFile,
    ...(opts.targets ? { CONSOLE_TARGETS_FILE: writeTargetsFile(dir, opts.targets.file), ...opts.targets.env } : {}),
    ...opts.env,
  });
  const config =
    loaded.mode === 'real' ? loaded : withDemoUpstream(loaded, { credentials, projectId: sim.projectId, endpoint: opts.endpoint ?? sim.url });
  const audit = opts.wrapAudit ? opts.wrapAudit(openAuditLog(auditLogFile)) : undefined;
  const bff = createServer(config, {
    logger: createLogger('debug', sink),
    // Tests edit the users file and look at once.
    usersFileCheckMs: 0,
    ...(opts.now ? { now: opts.now } : {}),
    ...(audit ? { audit } : {}),
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.idempotencyWaitMs !== undefined ? { idempotencyWaitMs: opts.idempotencyWaitMs } : {}),
    ...(opts.readinessCacheMs !== undefined ? { readinessCacheMs: opts.readinessCacheMs } : {}),
  });
  // As main.ts serves it, so every integration test runs on the production server set-up.
  const server = createHttpServer(bff.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bffUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const responses: string[] = [];
  const cookiesIssued: string[] = [];

  const h: Harness = {
    bffUrl,
    sim,
    credentials: good,
    users,
    usersFile,
    auditLogFile,
    cookie: undefined,
    logs,
    responses,
    cookiesIssued,
    webDistDir,
    drain: () => bff.drain(),
    async call(method, p, o = {}) {
      const headers: Record<string, string> = { 'x-csrf': '1', ...o.headers };
      const cookie = o.cookie === undefined ? h.cookie : o.cookie;
      if (cookie !== null && cookie !== undefined && headers.cookie === undefined) headers.cookie = `dsc_session=${cookie}`;
      let body: string | undefined = o.rawBody;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(bffUrl + p, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      for (const c of res.headers.getSetCookie()) {
        const value = /^dsc_session=([^;]*)/.exec(c)?.[1];
        if (value) cookiesIssued.push(value);
      }
      responses.push(JSON.stringify([...res.headers].filter(([k]) => k !== 'set-cookie')) + text);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
    async signIn(who, headers = {}) {
      const creds = typeof who === 'string' ? users[who] : who;
      const res = await h.call('POST', '/api/session', {
        body: { username: creds.username, password: creds.password },
        cookie: null,
        headers,
      });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => /^dsc_session=([^;]+)/.exec(c)?.[1])
        .find(Boolean);
      return { res, cookie };
    },
    auditEntries() {
      return readFileSync(auditLogFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => AuditEntry.parse(JSON.parse(l)));
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await bff.close();
      await audit?.close();
      if (!opts.sim) await sim.close();
    },
  };
  const signInAs = opts.signInAs === undefined ? 'operator' : opts.signInAs;
  if (signInAs) {
    const { res, cookie } = await h.signIn(signInAs);
    if (res.status !== 200 || !cookie) throw new Error(`harness sign-in as ${signInAs} failed: ${res.status} ${res.text}`);
    h.cookie = cookie;
  }
  return h;
}

/**
 * The secrets the BFF holds or sees never show in a log line, a response (Set-Cookie aside) or
 * the audit trail: the SK, the security token, SESSION_SECRET, users' passwords, session ids.
 */
export function secretsSeen(h: Harness): string[] {
  const secrets = [
    h.credentials.sk,
    h.credentials.securityToken!,
    SESSION_SECRET,
    ...Object.values(h.users).map((u) => u.password),
    ...h.cookiesIssued,
  ];
  const everything = [...h.logs, ...h.responses, readFileSync(h.auditLogFile, 'utf8')];
  return secrets.filter((s) => everything.some((line) => line.includes(s)));
}

/** The response is the one error shape with this status and code; returns its `error`. */
export function expectError(res: ApiResponse, status: number, code: string): ConsoleError['error'] {
  expect(res.status, res.text).toBe(status);
  const body = ConsoleError.parse(res.json);
  expect(body.error.code, res.text).toBe(code);
  expect(body.error.status).toBe(status);
  expect(body.error.requestId).toBeTruthy();
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  expect(res.headers.get('cache-control')).toBe('no-store');
  return body.error;
}
