import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, freePort, type ConsoleProcess } from './console-process.ts';
import { TestBrowser, type Answer } from './test-browser.ts';
import {
  CLIENT_ID,
  TEST_ROLE_MAP,
  startTestProvider,
  type AccountName,
  type TestProvider,
} from './test-provider.ts';
import { makeThrowawayTls, type ThrowawayTls } from './throwaway-tls.ts';

/**
 * Sign-in through a real OpenID provider (oidc-provider over TLS with a throw-away CA) into the
 * console running as `pnpm start` runs it, in a child process trusting that CA through
 * NODE_EXTRA_CA_CERTS. Every refusal is checked to leave no session behind.
 */
let tls: ThrowawayTls;
let idp: TestProvider;
let consoleApp: ConsoleProcess;
let dir: string;
let consoleEnv: Record<string, string>;
let ports: number[];
const responses: string[] = [];

const api = (b: TestBrowser, p: string) => b.get(`${consoleApp.url}${p}`, { 'x-csrf': '1' });
const keep = (a: Answer) => {
  responses.push(JSON.stringify(a.headers), a.text);
  return a;
};

/** Starts a sign-in at the console; answers the provider's authorization URL. */
async function startLogin(
  b: TestBrowser,
  returnTo = '/connections',
  c = consoleApp,
): Promise<string> {
  const r = keep(
    await b.get(`${c.url}/api/session/oidc/login?returnTo=${encodeURIComponent(returnTo)}`),
  );
  expect(r.status).toBe(303);
  expect(r.location!.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  return r.location!;
}

/**
 * Follows the provider's redirects, signing in at its own login page when it shows one (not when
 * the browser already has a session there); answers the callback URL it finally redirects to.
 */
async function authorize(b: TestBrowser, authUrl: string, account: AccountName): Promise<string> {
  let r = await b.get(authUrl);
  for (let hop = 0; hop < 10; hop++) {
    if (r.status === 200) {
      const action = /action="([^"]+)"/.exec(r.text)![1]!;
      r = await b.postForm(new URL(action, idp.issuer).href, {
        prompt: 'login',
        login: account,
        password: 'any password',
      });
      continue;
    }
    expect(r.status).toBe(303);
    if (!r.location!.startsWith(idp.issuer)) return r.location!;
    r = await b.get(r.location!);
  }
  throw new Error('the provider kept redirecting');
}

async function signIn(b: TestBrowser, account: AccountName, c = consoleApp): Promise<Answer> {
  const callback = await authorize(b, await startLogin(b, '/connections', c), account);
  return keep(await b.get(callback));
}

function expectRefused(r: Answer, reason: string, b: TestBrowser): void {
  expect(r.status).toBe(303);
  expect(r.location).toBe(`${consoleApp.url}/sign-in?oidc=${reason}`);
  expect(
    r.setCookies.some((c) => c.startsWith('dsc_session=') && !c.startsWith('dsc_session=;')),
  ).toBe(false);
  expect(b.cookie(consoleApp.url, 'dsc_session')).toBeUndefined();
}

beforeAll(async () => {
  tls = makeThrowawayTls();
  ports = [await freePort(), await freePort()];
  idp = await startTestProvider({
    tls,
    redirectUris: ports.map((p) => `http://127.0.0.1:${p}/api/session/oidc/callback`),
    postLogoutRedirectUris: ports.map((p) => `http://127.0.0.1:${p}/sign-in`),
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-oidc-'));
  const roleMap = path.join(dir, 'role-map.json');
  writeFileSync(roleMap, JSON.stringify(TEST_ROLE_MAP));
  consoleEnv = {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_PROVIDER_NAME: 'Test IdP',
    CONSOLE_ROLE_MAP: roleMap,
  };
  consoleApp = await startConsole({ port: ports[0]!, env: consoleEnv, caFile: tls.caFile });
}, 60_000);

afterAll(async () => {
  await consoleApp?.stop();
  await idp?.close();
  tls?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('OpenID Connect sign-in against a real provider', () => {
  it('offers the provider on the sign-in page, beside the break-glass password form', async () => {
    const r = await api(new TestBrowser(tls.ca), '/api/session/options');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ password: true, oidc: { providerName: 'Test IdP' } });
  });

  it('maps groups to roles per target (highest wins) and rotates the session', async () => {
    const b = new TestBrowser(tls.ca);
    let r = await signIn(b, 'alice');
    expect(r.status).toBe(303);
    expect(r.location).toBe(`${consoleApp.url}/connections`);
    const first = b.cookie(consoleApp.url, 'dsc_session')!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.setCookies.find((c) => c.startsWith('dsc_session='))).toMatch(
      /HttpOnly; SameSite=Strict; Max-Age=\d+/,
    );
    expect(JSON.parse((await api(b, '/api/session')).text)).toEqual({
      user: {
        username: 'alice',
        role: 'admin',
        via: 'oidc',
        subject: 'alice',
        targets: { 'prod-bj4': 'admin', 'prod-sg1': 'admin', 'staging-bj4': 'admin' },
      },
    });

    // A second sign-in in the same browser replaces the session: the old id stops working.
    r = await signIn(b, 'alice');
    const second = b.cookie(consoleApp.url, 'dsc_session')!;
    expect(second).not.toBe(first);
    const old = new TestBrowser(tls.ca);
    old.setCookie(consoleApp.url, 'dsc_session', first);
    expect((await api(old, '/api/session')).status).toBe(401);

    const bob = new TestBrowser(tls.ca);
    expect((await signIn(bob, 'bob')).status).toBe(303);
    expect(JSON.parse((await api(bob, '/api/session')).text)).toEqual({
      user: {
        username: 'bob',
        role: 'operator',
        via: 'oidc',
        subject: 'bob',
        targets: { 'prod-bj4': 'operator', 'staging-bj4': 'viewer' },
      },
    });
    // Roles are enforced per target: bob reads staging, and prod-sg1 is not his at all.
    expect((await api(bob, '/api/t/staging-bj4/dli/enhanced-connections?limit=1')).status).toBe(
      200,
    );
    expect((await api(bob, '/api/t/prod-sg1/dli/enhanced-connections?limit=1')).status).toBe(403);
    // The audit trail needs admin, which bob is not.
    expect((await api(bob, '/api/audit')).status).toBe(403);
    expect((await api(b, '/api/audit')).status).toBe(200);

    const line = consoleApp
      .auditLines()
      .find((l) => l.operation === 'session.signIn' && l.user === 'bob');
    expect(line).toMatchObject({ outcome: 'success', role: 'operator', subject: 'bob' });
  });

  it('refuses a user in no mapped group, with a reason for the sign-in page and no session', async () => {
    const b = new TestBrowser(tls.ca);
    expectRefused(await signIn(b, 'carol'), 'no-role', b);
    expect((await api(b, '/api/session')).status).toBe(401);
    const line = consoleApp.auditLines().find((l) => l.user === 'carol');
    expect(line).toMatchObject({
      operation: 'session.signIn',
      outcome: 'denied',
      subject: 'carol',
      errorCode: 'OIDC_NO_ROLE',
    });
  });

  it('refuses a tampered state', async () => {
    const b = new TestBrowser(tls.ca);
    const callback = new URL(await authorize(b, await startLogin(b), 'alice'));
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    expectRefused(keep(await b.get(callback.href)), 'failed', b);
    expect((await api(b, '/api/session')).status).toBe(401);
  });

  it('refuses a replayed callback and a replayed code', async () => {
    const b = new TestBrowser(tls.ca);
    const callback = await authorize(b, await startLogin(b), 'alice');
    expect(keep(await b.get(callback)).status).toBe(303);
    expect(b.cookie(consoleApp.url, 'dsc_session')).toBeDefined();

    const attacker = new TestBrowser(tls.ca);
    // The same callback again: the flow was used up.
    expectRefused(keep(await attacker.get(callback)), 'expired', attacker);
    // The used code inside a fresh flow of the attacker's own: the provider refuses the code.
    const fresh = new URL(await startLogin(attacker));
    const replay = new URL(callback);
    replay.searchParams.set('state', fresh.searchParams.get('state')!);
    expectRefused(keep(await attacker.get(replay.href)), 'failed', attacker);
    expect((await api(attacker, '/api/session')).status).toBe(401);
  });

  it('refuses an id token carrying another nonce', async () => {
    const b = new TestBrowser(tls.ca);
    const auth = new URL(await startLogin(b));
    auth.searchParams.set('nonce', 'a-nonce-the-console-never-made');
    const before = consoleApp.output().length;
    expectRefused(keep(await b.get(await authorize(b, auth.href, 'alice'))), 'failed', b);
    expect(consoleApp.output().slice(before)).toMatch(/nonce/);
  });

  it('refuses a returnTo that leaves the console, before anything starts', async () => {
    for (const returnTo of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/api/session',
    ]) {
      const b = new TestBrowser(tls.ca);
      const r = keep(
        await b.get(
          `${consoleApp.url}/api/session/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
        ),
      );
      expect(r.status, returnTo).toBe(400);
      expect(JSON.parse(r.text).error).toMatchObject({
        code: 'VALIDATION',
        fields: { returnTo: expect.any(String) },
      });
      expect(b.cookie(consoleApp.url, 'dsc_oidc')).toBeUndefined();
    }
    // A path of the console (with its query) is kept.
    const b = new TestBrowser(tls.ca);
    const callback = await authorize(b, await startLogin(b, '/audit?user=ada#top'), 'alice');
    expect(keep(await b.get(callback)).location).toBe(`${consoleApp.url}/audit?user=ada#top`);
  });

  it('signs out here and answers the provider logout URL', async () => {
    const b = new TestBrowser(tls.ca);
    await signIn(b, 'bob');
    const cookie = b.cookie(consoleApp.url, 'dsc_session')!;
    const r = keep(await b.delete(`${consoleApp.url}/api/session`, { 'x-csrf': '1' }));
    expect(r.status).toBe(200);
    const logout = new URL(JSON.parse(r.text).logoutUrl);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${consoleApp.url}/sign-in`);
    expect(logout.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await b.get(logout.href)).status).toBe(200);
    const again = new TestBrowser(tls.ca);
    again.setCookie(consoleApp.url, 'dsc_session', cookie);
    expect((await api(again, '/api/session')).status).toBe(401);
  });

  it('never shows the client secret', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const text of [...responses, consoleApp.output()])
      expect(text).not.toContain(idp.clientSecret);
  });
});

describe('an id token signed with a key the provider does not publish', () => {
  it('is refused, with no session', async () => {
    idp.publishForeignKey(true);
    // A console of its own, so no key fetched earlier is cached.
    const other = await startConsole({ port: ports[1]!, env: consoleEnv, caFile: tls.caFile });
    try {
      const b = new TestBrowser(tls.ca);
      const r = await signIn(b, 'alice', other);
      expect(r.status).toBe(303);
      expect(r.location).toBe(`${other.url}/sign-in?oidc=failed`);
      expect(b.cookie(other.url, 'dsc_session')).toBeUndefined();
      expect(other.output()).toMatch(/signature/i);
    } finally {
      idp.publishForeignKey(false);
      await other.stop();
    }
  }, 60_000);
});
