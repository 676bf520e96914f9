import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetConnectionsResponse, TargetsResponse } from '@dsc/api-types';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import { expectError, makeTestUsers, startHarness, usersFileContent, type Harness, type TestUser } from './harness.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Three projects on two "regions" (simulators) and one endpoint where nothing listens.
const PA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PB = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const PC = 'cccccccccccccccccccccccccccccccc';
const keys = { a: randomCredentials(), b: randomCredentials(), c: randomCredentials(), d: randomCredentials() };

async function closedPort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const at = (url: string) => ({ dli: url, mrs: url, dws: url });

let north: RunningSim;
let south: RunningSim;
let h: Harness;
const mixed: TestUser = { username: 'mia', role: 'viewer', roles: { 'prod-a': 'viewer', 'prod-b': 'operator' }, password: 'pw-mixed-3f9a1c' };
const bAdmin: TestUser = { username: 'bea', role: 'admin', roles: { 'prod-b': 'admin' }, password: 'pw-badmin-77c2e0' };

beforeAll(async () => {
  north = await startSim({
    projects: [
      { projectId: PA, credentials: [keys.a], seed: 1, enhancedConnections: 30, timing: { mode: 'immediate' } },
      { projectId: PB, credentials: [keys.b], seed: 2, enhancedConnections: 20, timing: { mode: 'immediate' } },
    ],
  });
  south = await startSim({ projectId: PC, credentials: [keys.c], seed: 3, enhancedConnections: 10, timing: { mode: 'immediate' } });
  const dead = `http://127.0.0.1:${await closedPort()}`;
  const users = makeTestUsers();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-users-'));
  const usersFile = path.join(dir, 'users.json');
  writeFileSync(usersFile, await usersFileContent([...Object.values(users), mixed, bAdmin]));
  h = await startHarness({
    sim: north,
    credentials: { ...keys.a, securityToken: 'unused-token' },
    users,
    usersFile,
    signInAs: 'admin',
    targets: {
      file: {
        targets: [
          { id: 'prod-a', name: 'Prod A', region: 'cn-north-4', projectId: PA, credentials: { akEnv: 'A_AK', skEnv: 'A_SK' }, endpoints: at(north.url) },
          { id: 'prod-b', name: 'Prod B', region: 'cn-north-4', projectId: PB, credentials: { akEnv: 'B_AK', skEnv: 'B_SK' }, endpoints: at(north.url) },
          { id: 'slow', name: 'Slow', region: 'ap-southeast-1', projectId: PC, credentials: { akEnv: 'C_AK', skEnv: 'C_SK' }, endpoints: at(south.url), readTimeoutMs: 400 },
          { id: 'dead', name: 'Dead', region: 'ap-southeast-1', projectId: PC, credentials: { akEnv: 'D_AK', skEnv: 'D_SK' }, endpoints: at(dead), readTimeoutMs: 400 },
        ],
        default: 'prod-a',
      },
      env: {
        A_AK: keys.a.ak, A_SK: keys.a.sk, B_AK: keys.b.ak, B_SK: keys.b.sk,
        C_AK: keys.c.ak, C_SK: keys.c.sk, D_AK: keys.d.ak, D_SK: keys.d.sk,
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await north?.close();
  await south?.close();
});

const project = (id: string) => north.projects.get(id)!;
const as = async (u: TestUser) => (await h.signIn({ username: u.username, password: u.password })).cookie!;

describe('targets: each acts with its own keys and project', () => {
  it('lists only the caller’s targets, never a credential or a variable name', async () => {
    const res = await h.call('GET', '/api/targets', { cookie: await as(mixed) });
    expect(res.status).toBe(200);
    expect(TargetsResponse.parse(res.json).targets).toEqual([
      { id: 'prod-a', name: 'Prod A', region: 'cn-north-4', projectId: PA, role: 'viewer', default: true },
      { id: 'prod-b', name: 'Prod B', region: 'cn-north-4', projectId: PB, role: 'operator', default: false },
    ]);
    for (const secret of [keys.a.ak, keys.a.sk, keys.b.sk, 'A_AK', 'B_SK', 'akEnv']) expect(res.text).not.toContain(secret);
  });

  it('signs a target’s calls with its keys only and puts only its project id in the path', async () => {
    project(PA).clearRequests();
    project(PB).clearRequests();
    expect((await h.call('GET', '/api/t/prod-b/dli/enhanced-connections?limit=5')).status).toBe(200);
    expect((await h.call('GET', '/api/dli/enhanced-connections?limit=5')).status).toBe(200);
    const [b] = project(PB).requests();
    const [a] = project(PA).requests();
    expect(project(PB).requests()).toHaveLength(1);
    expect(project(PA).requests()).toHaveLength(1);
    // The simulator's gateway checks each project's signature with that project's keys alone.
    expect(b!.signature).toBe('ok');
    expect(a!.signature).toBe('ok');
    expect(b!.path).toContain(`/${PB}/`);
    expect(a!.path).toContain(`/${PA}/`);
    expect(JSON.stringify(b!.headers)).toContain(keys.b.ak);
    expect(JSON.stringify(b!.headers)).not.toContain(keys.a.ak);
    expect(JSON.stringify(a!.headers)).toContain(keys.a.ak);
  });

  it('viewer on A, operator on B: A’s writes are 403 with no upstream call, B’s succeed', async () => {
    const cookie = await as(mixed);
    const idOf = async (t: string) => {
      const list = await h.call('GET', `/api/t/${t}/dli/enhanced-connections?limit=1`, { cookie });
      return (list.json as { connections: { id: string }[] }).connections[0]!.id;
    };
    const onA = await idOf('prod-a');
    const onB = await idOf('prod-b');
    project(PA).clearRequests();
    expectError(await h.call('DELETE', `/api/t/prod-a/dli/enhanced-connections/${onA}`, { cookie }), 403, 'FORBIDDEN');
    expectError(await h.call('DELETE', `/api/dli/enhanced-connections/${onA}`, { cookie }), 403, 'FORBIDDEN');
    expect(project(PA).requests()).toHaveLength(0);
    const del = await h.call('DELETE', `/api/t/prod-b/dli/enhanced-connections/${onB}`, { cookie });
    expect(del.status, del.text).toBe(200);
    const line = h.auditEntries().at(-1)!;
    expect(line).toMatchObject({ user: 'mia', role: 'operator', target: 'prod-b', operation: 'dli.deleteEnhancedConnection', outcome: 'success' });
  });

  it('an unknown target is 404 and one without a role 403, with no upstream call', async () => {
    project(PA).clearRequests();
    const cookie = await as(bAdmin);
    expectError(await h.call('GET', '/api/t/nowhere/dli/enhanced-connections', { cookie }), 404, 'NOT_FOUND');
    expectError(await h.call('GET', '/api/t/prod-a/dli/enhanced-connections', { cookie }), 403, 'FORBIDDEN');
    // The default target is prod-a: the unprefixed route is no way around it.
    expectError(await h.call('GET', '/api/dli/enhanced-connections', { cookie }), 403, 'FORBIDDEN');
    expectError(await h.call('GET', '/api/t/prod-a/dli/enhanced-connections', { cookie: null }), 401, 'UNAUTHENTICATED');
    expect(project(PA).requests()).toHaveLength(0);
  });
});

describe('the fleet list', () => {
  it('merges the targets that answer and reports the slow and the dead one beside their rows', async () => {
    south.control.faults.replace([{ service: 'dli', latencyMs: 3_000 }]);
    try {
      const res = await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=all&limit=0');
      expect(res.status, res.text).toBe(200);
      const body = FleetConnectionsResponse.parse(res.json);
      const byId = Object.fromEntries(body.targets.map((t) => [t.id, t]));
      const own = async (t: string) => (await h.call('GET', `/api/t/${t}/dli/enhanced-connections?limit=0`)).json as { count: number };
      expect(byId['prod-a']).toEqual({ id: 'prod-a', status: 'ok', count: (await own('prod-a')).count });
      expect(byId['prod-b']).toMatchObject({ id: 'prod-b', status: 'ok' });
      expect(byId.slow).toMatchObject({ status: 'error', error: { code: 'UPSTREAM_TIMEOUT', status: 504 } });
      expect(byId.dead).toMatchObject({ status: 'error', error: { code: 'UPSTREAM_UNREACHABLE' } });
      expect(new Set(body.connections.map((c) => c.target))).toEqual(new Set(['prod-a', 'prod-b']));
      expect(body.count).toBe(body.connections.length);
      // Stable order: creation time, then the targets' order, then id.
      const keysOf = body.connections.map((c) => [c.create_time, c.target === 'prod-a' ? 0 : 1, c.id] as const);
      const sorted = [...keysOf].sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1));
      expect(keysOf).toEqual(sorted);

      const page = FleetConnectionsResponse.parse(
        (await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=prod-a,prod-b&limit=7&offset=5')).json,
      );
      expect(page.count).toBe(body.count);
      expect(page.connections.map((c) => c.id)).toEqual(body.connections.slice(5, 12).map((c) => c.id));
    } finally {
      south.control.faults.replace([]);
    }
  });

  it('filters by queue state over the merged list', async () => {
    const all = FleetConnectionsResponse.parse((await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=prod-a,prod-b&limit=0')).json);
    const failed = FleetConnectionsResponse.parse(
      (await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=prod-a,prod-b&limit=0&queues=FAILED')).json,
    );
    const expected = all.connections.filter((c) => c.available_queue_info.some((q) => q.status.toUpperCase() === 'FAILED'));
    expect(failed.connections.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });

  it('shows a user only their targets, and refuses a target they cannot see as it refuses an unknown one', async () => {
    const cookie = await as(mixed);
    const body = FleetConnectionsResponse.parse((await h.call('GET', '/api/fleet/dli/enhanced-connections?limit=0', { cookie })).json);
    expect(body.targets.map((t) => t.id)).toEqual(['prod-a', 'prod-b']);
    const hidden = expectError(await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=slow', { cookie }), 400, 'VALIDATION');
    const unknown = expectError(await h.call('GET', '/api/fleet/dli/enhanced-connections?targets=nope', { cookie }), 400, 'VALIDATION');
    expect(Object.keys(hidden.fields!)).toEqual(['query.targets']);
    expect(unknown.message.replace('nope', 'slow')).toBe(hidden.message);
  });

  it('refuses bad queries by field', async () => {
    for (const [q, field] of [
      ['targets=BAD!', 'query.targets'],
      ['limit=abc', 'query.limit'],
      ['queues=BROKEN', 'query.queues'],
      ['status=maybe', 'query.status'],
      ['extra=1', 'query'],
    ] as const) {
      const e = expectError(await h.call('GET', `/api/fleet/dli/enhanced-connections?${q}`), 400, 'VALIDATION');
      expect(Object.keys(e.fields ?? {}).join(), q).toContain(field);
    }
  });
});

describe('the audit trail per target', () => {
  it('records the target and lets an admin of some targets read only theirs', async () => {
    const entries = h.auditEntries();
    expect(entries.some((e) => e.target === 'prod-a')).toBe(true);
    const admin = await h.call('GET', '/api/audit?target=prod-b&limit=200');
    expect(admin.status).toBe(200);
    const onlyB = (admin.json as { entries: { target?: string }[] }).entries;
    expect(onlyB.length).toBeGreaterThan(0);
    expect(onlyB.every((e) => e.target === 'prod-b')).toBe(true);
    const scoped = await h.call('GET', '/api/audit?limit=200', { cookie: await as(bAdmin) });
    const seen = (scoped.json as { entries: { target?: string }[] }).entries;
    expect(seen.some((e) => e.target === 'prod-b')).toBe(true);
    expect(seen.some((e) => e.target === 'prod-a')).toBe(false);
    expectError(await h.call('GET', '/api/audit', { cookie: await as(mixed) }), 403, 'FORBIDDEN');
  });

  it('no target’s secret key in any response, log line or audit line', () => {
    const everything = [...h.logs, ...h.responses, readFileSync(h.auditLogFile, 'utf8')].join('\n');
    for (const k of Object.values(keys)) expect(everything).not.toContain(k.sk);
    for (const u of [mixed, bAdmin]) expect(everything).not.toContain(u.password);
  });
});
