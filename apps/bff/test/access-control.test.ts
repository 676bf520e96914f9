import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bffPath, catalogue, isMutating, operationIds, type OperationId } from '@dsc/api-types';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

let h: Harness;
let viewer: string;
let admin: string;
beforeAll(async () => {
  h = await startHarness({ signInAs: 'operator' });
  viewer = (await h.signIn('viewer')).cookie!;
  admin = (await h.signIn('admin')).cookie!;
});
afterAll(async () => {
  await h?.close();
});

const PARAM = 'target-1';
const pathOf = (id: OperationId) => {
  const def = catalogue[id];
  const names = [...def.path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!);
  return bffPath(def, Object.fromEntries(names.map((n) => [n, PARAM])));
};

async function upstreamCallsDuring(fn: () => Promise<unknown>): Promise<number> {
  h.sim.control.clearRequests();
  await fn();
  return h.sim.control.requests().length;
}

describe('without a session', () => {
  it.each(operationIds)('%s answers 401 and reaches nothing upstream', async (id) => {
    const def = catalogue[id];
    const n = await upstreamCallsDuring(async () => {
      // A body that would fail validation: the 401 comes first, so nothing about the shape leaks.
      const res = await h.call(def.method, pathOf(id), {
        cookie: null,
        ...(def.body ? { body: { nonsense: true } } : {}),
      });
      expectError(res, 401, 'UNAUTHENTICATED');
    });
    expect(n).toBe(0);
  });

  it('a made-up or stale session cookie is the same as none, and is cleared', async () => {
    const res = await h.call('GET', '/api/dws/clusters', { cookie: 'A'.repeat(43) });
    expectError(res, 401, 'UNAUTHENTICATED');
    expect(res.headers.getSetCookie().join()).toMatch(
      /dsc_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/,
    );
    expectError(
      await h.call('GET', '/api/dws/clusters', { cookie: 'short' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('as viewer', () => {
  const mutating = operationIds.filter((id) => isMutating(catalogue[id].method));
  const reads = operationIds.filter((id) => !isMutating(catalogue[id].method));

  it('the catalogue has changes to refuse', () => {
    expect(mutating.length).toBeGreaterThanOrEqual(10);
  });

  it.each(mutating)('%s answers 403 and reaches nothing upstream', async (id) => {
    const def = catalogue[id];
    const n = await upstreamCallsDuring(async () => {
      const res = await h.call(def.method, pathOf(id), {
        cookie: viewer,
        ...(def.body ? { body: { nonsense: true } } : {}),
      });
      expectError(res, 403, 'FORBIDDEN');
    });
    expect(n).toBe(0);
  });

  it('reads everything', async () => {
    for (const id of reads) {
      const res = await h.call('GET', pathOf(id), { cookie: viewer });
      expect([401, 403], `${id}: ${res.text}`).not.toContain(res.status);
    }
  });

  it('an operator may change (the same request gets past authorization to the cloud)', async () => {
    const n = await upstreamCallsDuring(async () => {
      const res = await h.call('DELETE', `/api/dli/enhanced-connections/${PARAM}`);
      expect([401, 403]).not.toContain(res.status);
    });
    expect(n).toBe(1);
  });
});

describe('the audit trail', () => {
  it('is for admins only', async () => {
    expectError(await h.call('GET', '/api/audit', { cookie: null }), 401, 'UNAUTHENTICATED');
    expectError(await h.call('GET', '/api/audit', { cookie: viewer }), 403, 'FORBIDDEN');
    expectError(await h.call('GET', '/api/audit'), 403, 'FORBIDDEN');
    const res = await h.call('GET', '/api/audit', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ entries: expect.any(Array), total: expect.any(Number) });
  });

  it('checks the role before the query', async () => {
    expectError(await h.call('GET', '/api/audit?limit=oops'), 403, 'FORBIDDEN');
    const bad = expectError(
      await h.call('GET', '/api/audit?limit=oops', { cookie: admin }),
      400,
      'VALIDATION',
    );
    expect(bad.fields).toEqual({ 'query.limit': 'must be a number' });
  });
});

describe('CSRF on the session routes', () => {
  it('sign-in without X-CSRF is refused before the password is looked at', async () => {
    const u = h.users.operator;
    const res = await h.call('POST', '/api/session', {
      cookie: null,
      body: { username: u.username, password: u.password },
      headers: { 'x-csrf': '' },
    });
    expectError(res, 403, 'CSRF_REQUIRED');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('cross-site sign-in and sign-out are refused', async () => {
    const u = h.users.operator;
    const signIn = await h.call('POST', '/api/session', {
      cookie: null,
      body: { username: u.username, password: u.password },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expectError(signIn, 403, 'CROSS_SITE_REQUEST');
    expectError(
      await h.call('DELETE', '/api/session', { headers: { 'sec-fetch-site': 'cross-site' } }),
      403,
      'CROSS_SITE_REQUEST',
    );
    // The session survived the refused sign-out.
    expect((await h.call('GET', '/api/session')).status).toBe(200);
  });

  it('a mutating request without X-CSRF never reaches upstream, even with a session', async () => {
    const n = await upstreamCallsDuring(async () => {
      expectError(
        await h.call('DELETE', `/api/dli/enhanced-connections/${PARAM}`, {
          headers: { 'x-csrf': '' },
        }),
        403,
        'CSRF_REQUIRED',
      );
    });
    expect(n).toBe(0);
  });
});

describe('secrets', () => {
  it('no log line, response or audit line holds a secret, a password or a session id', () => {
    expect(h.cookiesIssued.length).toBeGreaterThanOrEqual(3);
    expect(secretsSeen(h)).toEqual([]);
  });
});
