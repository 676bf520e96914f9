import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as PasswordHash from '../src/auth/password-hash.ts';
import {
  expectError,
  makeTestUsers,
  secretsSeen,
  startHarness,
  usersFileContent,
  type Harness,
} from './harness.ts';

// Records the cost parameters of every password check the BFF makes.
const kdf = vi.hoisted(() => ({ calls: [] as Array<{ N: number; r: number; p: number }> }));
vi.mock('../src/auth/password-hash.ts', async (importOriginal) => {
  const m = await importOriginal<typeof PasswordHash>();
  return {
    ...m,
    verifyPassword: (password: string, stored: PasswordHash.ParsedHash) => {
      kdf.calls.push({ N: stored.N, r: stored.r, p: stored.p });
      return m.verifyPassword(password, stored);
    },
  };
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the tests move. */
function testClock() {
  let t = Date.parse('2025-03-01T08:00:00Z');
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const clock = testClock();
let h: Harness;
beforeAll(async () => {
  // TRUST_PROXY lets each test come from its own address (X-Forwarded-For), so the per-address
  // limits of one test do not spill into another.
  h = await startHarness({ signInAs: null, now: clock.now, env: { TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await h?.close();
});

let addressCounter = 0;
const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${++addressCounter}` });

describe('sign-in', () => {
  it('answers the user and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const { res, cookie } = await h.signIn('operator', fromNewAddress());
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user: { username: 'otto', role: 'operator', targets: { default: 'operator' } } });
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [setCookie] = res.headers.getSetCookie();
    const attributes = setCookie!.split(';').map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=28800']),
    );
    expect(attributes).not.toContain('Secure');
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);

    const me = await h.call('GET', '/api/session', { cookie: cookie! });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ user: { username: 'otto', role: 'operator', targets: { default: 'operator' } } });
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const headers = fromNewAddress();
    const wrong = await h.call('POST', '/api/session', {
      cookie: null,
      headers,
      body: { username: 'otto', password: 'not-it' },
    });
    const unknown = await h.call('POST', '/api/session', {
      cookie: null,
      headers,
      body: { username: 'nobody', password: 'not-it' },
    });
    const a = expectError(wrong, 401, 'INVALID_CREDENTIALS');
    const b = expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('an unknown user costs as much as a wrong password: the same KDF runs either way', async () => {
    // Asserted on the derivations made, not on wall-clock time: this machine is shared and noisy.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-kdf-'));
    const usersFile = path.join(dir, 'users.json');
    const users = makeTestUsers();
    const params = { N: 2 ** 12, r: 8, p: 2 };
    writeFileSync(usersFile, await usersFileContent(Object.values(users), params));
    const t = await startHarness({ signInAs: null, users, usersFile });
    try {
      const attempt = async (username: string) => {
        kdf.calls.length = 0;
        expectError(
          await t.call('POST', '/api/session', { cookie: null, body: { username, password: 'wrong' } }),
          401,
          'INVALID_CREDENTIALS',
        );
        return [...kdf.calls];
      };
      const known = await attempt(users.admin.username);
      const unknown = await attempt('nobody-at-all');
      expect(known).toEqual([params]);
      expect(unknown).toEqual(known);
    } finally {
      await t.close();
    }
  });

  it('validates the body without echoing it', async () => {
    const err = expectError(
      await h.call('POST', '/api/session', {
        cookie: null,
        headers: fromNewAddress(),
        body: { username: 'otto', password: '', extra: 1 },
      }),
      400,
      'VALIDATION',
    );
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['(root)', 'password'].sort());
    expectError(
      await h.call('POST', '/api/session', {
        cookie: null,
        rawBody: 'username=otto',
        headers: { ...fromNewAddress(), 'content-type': 'text/plain' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('GET /api/session without a session is 401', async () => {
    expectError(await h.call('GET', '/api/session', { cookie: null }), 401, 'UNAUTHENTICATED');
  });

  it('rotates the session id: signing in again ends the session the browser had', async () => {
    const headers = fromNewAddress();
    const first = (await h.signIn('viewer', headers)).cookie!;
    const res = await h.call('POST', '/api/session', {
      cookie: first,
      headers,
      body: { username: h.users.operator.username, password: h.users.operator.password },
    });
    expect(res.status).toBe(200);
    const second = /^dsc_session=([^;]+)/.exec(res.headers.getSetCookie()[0] ?? '')?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expectError(await h.call('GET', '/api/session', { cookie: first }), 401, 'UNAUTHENTICATED');
    expect((await h.call('GET', '/api/session', { cookie: second! })).json).toEqual({
      user: { username: 'otto', role: 'operator', targets: { default: 'operator' } },
    });
  });
});

describe('expiry (injected clock)', () => {
  it('ends a session idle for 30 minutes', async () => {
    const cookie = (await h.signIn('viewer', fromNewAddress())).cookie!;
    // (Activity is GET /api/session: a catalogue call would be signed with the moved clock.)
    clock.advance(29 * MINUTE);
    expect((await h.call('GET', '/api/session', { cookie })).status).toBe(200);
    clock.advance(29 * MINUTE);
    expect((await h.call('GET', '/api/session', { cookie })).status).toBe(200);
    clock.advance(30 * MINUTE + 1000);
    expectError(await h.call('GET', '/api/session', { cookie }), 401, 'UNAUTHENTICATED');
    // Gone for good, not just until the clock turns back.
    clock.advance(-20 * MINUTE);
    expectError(await h.call('GET', '/api/session', { cookie }), 401, 'UNAUTHENTICATED');
    clock.advance(20 * MINUTE);
  });

  it('ends a busy session 8 hours after sign-in', async () => {
    const cookie = (await h.signIn('viewer', fromNewAddress())).cookie!;
    for (let elapsed = 0; elapsed < 8 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect(
        (await h.call('GET', '/api/session', { cookie })).status,
        `after ${elapsed / MINUTE + 20} min`,
      ).toBe(200);
    }
    clock.advance(20 * MINUTE);
    expectError(await h.call('GET', '/api/session', { cookie }), 401, 'UNAUTHENTICATED');
  });
});

describe('sign-out', () => {
  it('ends the session server-side: every copy of the cookie stops working', async () => {
    const cookie = (await h.signIn('operator', fromNewAddress())).cookie!;
    // Two browsers (or a stolen copy) holding the same cookie.
    expect((await h.call('GET', '/api/session', { cookie })).status).toBe(200);
    const out = await h.call('DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(
      /^dsc_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/,
    );
    expectError(await h.call('GET', '/api/session', { cookie }), 401, 'UNAUTHENTICATED');
    expectError(await h.call('GET', '/api/dws/clusters', { cookie }), 401, 'UNAUTHENTICATED');
    // Signing out again is harmless.
    expect((await h.call('DELETE', '/api/session', { cookie })).status).toBe(204);
  });
});

describe('Secure cookie and HSTS', () => {
  it('trusted proxy saying https: Secure cookie and HSTS', async () => {
    const { res } = await h.signIn('viewer', { ...fromNewAddress(), 'x-forwarded-proto': 'https' });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const plain = await h.signIn('viewer', fromNewAddress());
    expect(plain.res.headers.getSetCookie()[0]).not.toMatch(/Secure/);
    expect(plain.res.headers.get('strict-transport-security')).toBeNull();
  });

  it('without TRUST_PROXY, X-Forwarded-Proto is ignored', async () => {
    const other = await startHarness({ signInAs: null });
    try {
      const { res } = await other.signIn('viewer', { 'x-forwarded-proto': 'https' });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()[0]).not.toMatch(/Secure/);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await other.close();
    }
  });
});

describe('sign-in throttling (injected clock)', () => {
  afterEach(() => {
    // Let every back-off of the test run out.
    clock.advance(2 * HOUR);
  });

  const attempt = (username: string, password: string, headers: Record<string, string>) =>
    h.call('POST', '/api/session', { cookie: null, headers, body: { username, password } });

  it('per account: 5 free failures, then exponential back-off with Retry-After, then recovery', async () => {
    const u = h.users.admin;
    for (let i = 1; i <= 5; i++)
      expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    // The 6th failure blocks the account for 1 s, from any address, even with the right password.
    expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    const blocked = await attempt(u.username, u.password, fromNewAddress());
    expectError(blocked, 429, 'SIGN_IN_THROTTLED');
    expect(blocked.headers.get('retry-after')).toBe('1');
    clock.advance(1000);
    // The 7th failure blocks for 2 s.
    expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    expect(
      (await attempt(u.username, u.password, fromNewAddress())).headers.get('retry-after'),
    ).toBe('2');
    clock.advance(2000);
    // After the wait the right password works, and clears the account's failures.
    expect((await attempt(u.username, u.password, fromNewAddress())).status).toBe(200);
    expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    expect((await attempt(u.username, u.password, fromNewAddress())).status).toBe(200);
  });

  it('the back-off doubles up to a 15-minute cap', async () => {
    const u = h.users.viewer;
    const waits: number[] = [];
    while (waits.length < 12) {
      const r = await attempt(u.username, 'wrong', fromNewAddress());
      if (r.status === 429) {
        const seconds = Number(r.headers.get('retry-after'));
        waits.push(seconds);
        clock.advance(seconds * 1000);
      } else {
        expectError(r, 401, 'INVALID_CREDENTIALS');
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // Never longer: after the cap the right password gets in.
    expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    clock.advance(15 * MINUTE);
    expect((await attempt(u.username, u.password, fromNewAddress())).status).toBe(200);
  });

  it('failures are forgotten an hour after the first', async () => {
    const u = h.users.viewer;
    for (let i = 0; i < 5; i++)
      expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    clock.advance(HOUR);
    // Five more are free again (without the reset the 6th failure would block the next try).
    for (let i = 0; i < 5; i++)
      expectError(await attempt(u.username, 'wrong', fromNewAddress()), 401, 'INVALID_CREDENTIALS');
    expect((await attempt(u.username, u.password, fromNewAddress())).status).toBe(200);
  });

  it('per address: after 20 failures on any accounts, the address waits too', async () => {
    const address = fromNewAddress();
    for (let i = 1; i <= 21; i++)
      expectError(await attempt(`guess-${i}`, 'wrong', address), 401, 'INVALID_CREDENTIALS');
    const blocked = await attempt(h.users.operator.username, h.users.operator.password, address);
    expectError(blocked, 429, 'SIGN_IN_THROTTLED');
    expect(blocked.headers.get('retry-after')).toBe('1');
    // Another address is not affected.
    expect(
      (await attempt(h.users.operator.username, h.users.operator.password, fromNewAddress()))
        .status,
    ).toBe(200);
    clock.advance(1000);
    expect(
      (await attempt(h.users.operator.username, h.users.operator.password, address)).status,
    ).toBe(200);
  });

  it('a coarse ceiling of 30 sign-in requests a minute per address', async () => {
    const address = fromNewAddress();
    const u = h.users.operator;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await attempt(u.username, u.password, address)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(200));
    const limited = await attempt(u.username, u.password, address);
    expectError(limited, 429, 'SIGN_IN_THROTTLED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(MINUTE);
    expect((await attempt(u.username, u.password, address)).status).toBe(200);
  });
});

describe('the users file is re-read on change', () => {
  it('a user added, re-roled or removed takes effect without a restart', async () => {
    const users = h.users;
    const newcomer = { username: 'nina', role: 'viewer' as const, password: 'pw-nina-0123456789' };
    const ninaSignIn = { username: newcomer.username, password: newcomer.password };
    expectError(
      await h.call('POST', '/api/session', {
        cookie: null,
        headers: fromNewAddress(),
        body: ninaSignIn,
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    const ottoCookie = (await h.signIn('operator', fromNewAddress())).cookie!;
    const adaCookie = (await h.signIn('admin', fromNewAddress())).cookie!;

    // Edit the file as an administrator would: Otto keeps his password hash, Ada is removed.
    const before = JSON.parse(readFileSync(h.usersFile, 'utf8')) as {
      username: string;
      role: string;
      passwordHash: string;
    }[];
    const [ninaEntry] = JSON.parse(await usersFileContent([newcomer])) as typeof before;
    const edited = before
      .filter((u) => u.username !== users.admin.username)
      .map((u) => (u.username === users.operator.username ? { ...u, role: 'viewer' } : u));
    writeFileSync(h.usersFile, JSON.stringify([...edited, ninaEntry]));
    const nina = await h.signIn(ninaSignIn, fromNewAddress());
    expect(nina.res.json).toEqual({ user: { username: 'nina', role: 'viewer', targets: { default: 'viewer' } } });
    // Otto's session now carries the new role; Ada's ended with her entry.
    expect((await h.call('GET', '/api/session', { cookie: ottoCookie })).json).toEqual({
      user: { username: 'otto', role: 'viewer', targets: { default: 'viewer' } },
    });
    expectError(
      await h.call('DELETE', '/api/dli/enhanced-connections/c1', { cookie: ottoCookie }),
      403,
      'FORBIDDEN',
    );
    expectError(await h.call('GET', '/api/session', { cookie: adaCookie }), 401, 'UNAUTHENTICATED');

    // A broken edit is ignored: the last valid users stay.
    writeFileSync(h.usersFile, '[{"username": "half-written');
    expect((await h.signIn(ninaSignIn, fromNewAddress())).res.status).toBe(200);
    expect(h.logs.some((l) => l.includes('users file changed but is invalid'))).toBe(true);

    writeFileSync(h.usersFile, await usersFileContent(Object.values(users)));
  });

  it("a password change ends the user's sessions", async () => {
    const cookie = (await h.signIn('viewer', fromNewAddress())).cookie!;
    const changed = { ...h.users.viewer, password: 'pw-changed-0123456789' };
    writeFileSync(h.usersFile, await usersFileContent([changed, h.users.operator, h.users.admin]));
    expectError(await h.call('GET', '/api/session', { cookie }), 401, 'UNAUTHENTICATED');
    writeFileSync(h.usersFile, await usersFileContent(Object.values(h.users)));
  });
});

describe('secrets', () => {
  it('no log line, response or audit line holds a secret, a password or a session id', () => {
    expect(h.cookiesIssued.length).toBeGreaterThan(10);
    expect(secretsSeen(h)).toEqual([]);
  });
});
