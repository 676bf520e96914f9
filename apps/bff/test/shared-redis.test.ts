import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';
import { startRedis, type RunningRedis } from './redis-server.ts';

// Two BFF instances (as behind a load balancer) sharing one Redis, one simulator and one users file.
let redis: RunningRedis;
let sim: RunningSim;
let a: Harness;
let b: Harness;
beforeAll(async () => {
  redis = await startRedis();
  const credentials = { ...randomCredentials(), securityToken: `token-${randomCredentials().sk}` };
  sim = await startSim({ credentials: [credentials], seed: 7, timing: { mode: 'immediate' } });
  const env = { REDIS_URL: redis.url };
  a = await startHarness({ sim, credentials, env, signInAs: null });
  b = await startHarness({
    sim,
    credentials,
    env,
    signInAs: null,
    users: a.users,
    usersFile: a.usersFile,
  });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await sim?.close();
  await redis?.stop();
});

describe('two instances, one Redis', () => {
  it('sign in on one, use the session on the other, sign out there, and the first refuses it', async () => {
    expect(a.bffUrl).not.toBe(b.bffUrl);
    const { res, cookie } = await a.signIn('operator');
    expect(res.status).toBe(200);

    expect((await b.call('GET', '/api/session', { cookie: cookie! })).json).toEqual({
      user: { username: 'otto', role: 'operator', targets: { default: 'operator' } },
    });
    expect((await b.call('GET', '/api/dws/clusters', { cookie: cookie! })).status).toBe(200);

    expect((await b.call('DELETE', '/api/session', { cookie: cookie! })).status).toBe(204);
    expectError(await a.call('GET', '/api/session', { cookie: cookie! }), 401, 'UNAUTHENTICATED');
    expectError(
      await a.call('GET', '/api/dws/clusters', { cookie: cookie! }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('share the sign-in back-off', async () => {
    const u = a.users.admin;
    for (let i = 0; i < 6; i++) {
      const target = i % 2 === 0 ? a : b;
      expectError(
        await target.call('POST', '/api/session', {
          cookie: null,
          body: { username: u.username, password: 'wrong' },
        }),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    const blocked = await b.call('POST', '/api/session', {
      cookie: null,
      body: { username: u.username, password: u.password },
    });
    expectError(blocked, 429, 'SIGN_IN_THROTTLED');
    await new Promise((r) => setTimeout(r, 1100));
    expect(
      (
        await a.call('POST', '/api/session', {
          cookie: null,
          body: { username: u.username, password: u.password },
        })
      ).status,
    ).toBe(200);
  });

  it('Redis holds no session id, username or password in clear', async () => {
    const { cookie } = await b.signIn('viewer');
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('*');
      expect(keys.some((k) => k.startsWith('dsc:session:'))).toBe(true);
      const values = await Promise.all(
        keys.filter((k) => k.includes(':session:')).map((k) => client.get(k)),
      );
      const everything = [...keys, ...values].join('\n');
      expect(everything).not.toContain(cookie!);
      expect(keys.join('\n')).not.toContain('ada');
      for (const u of Object.values(a.users)) expect(everything).not.toContain(u.password);
    } finally {
      client.disconnect();
    }
  });

  it('a create retried with its Idempotency-Key on the other instance is not made twice', async () => {
    const { cookie: onA } = await a.signIn('operator');
    const { cookie: onB } = await b.signIn('operator');
    const key = `redis-key-${Date.now()}`;
    const body = { name: `redis_idem_${Date.now()}`, dest_vpc_id: 'vpc-r-1', dest_network_id: 'subnet-r-1' };
    const before = sim.control.stats().creates.enhancedConnections;
    const first = await a.call('POST', '/api/dli/enhanced-connections', { cookie: onA!, body, headers: { 'idempotency-key': key } });
    expect(first.status, first.text).toBe(200);
    const retry = await b.call('POST', '/api/dli/enhanced-connections', { cookie: onB!, body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(sim.control.stats().creates.enhancedConnections).toBe(before + 1);
    const client = new Redis(redis.url);
    try {
      // The record is keyed by a hash: neither the key nor the user appears in Redis's key space.
      const keys = await client.keys('dsc:idem:*');
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join('\n')).not.toContain(key);
      expect(keys.join('\n')).not.toContain('otto');
    } finally {
      client.disconnect();
    }
  });

  it('no secret in either instance’s logs, responses or audit trail', () => {
    expect(secretsSeen(a)).toEqual([]);
    expect(secretsSeen(b)).toEqual([]);
  });
});
