import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionsViewPage } from '@dsc/api-types';
import { randomCredentials, startSim, type RunningSim } from 'cloud-sim';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectError, makeTestUsers, startHarness, usersFileContent, type Harness, type TestUser } from './harness.ts';

// The whole-list view per target: each target's own list, cache and invalidation, and the role
// the caller holds on that target.

const PA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PB = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const keys = { a: randomCredentials(), b: randomCredentials() };
const at = (url: string) => ({ dli: url, mrs: url, dws: url });
const onlyA: TestUser = { username: 'ann', role: 'viewer', roles: { 'prod-a': 'viewer' }, password: 'pw-only-a-5d1e' };

let sim: RunningSim;
let h: Harness;

beforeAll(async () => {
  sim = await startSim({
    projects: [
      { projectId: PA, credentials: [keys.a], seed: 1, enhancedConnections: 30, timing: { mode: 'immediate' } },
      { projectId: PB, credentials: [keys.b], seed: 2, enhancedConnections: 20, timing: { mode: 'immediate' } },
    ],
  });
  const users = makeTestUsers();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'views-users-'));
  const usersFile = path.join(dir, 'users.json');
  writeFileSync(usersFile, await usersFileContent([...Object.values(users), onlyA]));
  h = await startHarness({
    sim,
    credentials: { ...keys.a, securityToken: 'unused-token' },
    users,
    usersFile,
    signInAs: 'operator',
    targets: {
      file: {
        targets: [
          { id: 'prod-a', name: 'Prod A', region: 'cn-north-4', projectId: PA, credentials: { akEnv: 'A_AK', skEnv: 'A_SK' }, endpoints: at(sim.url) },
          { id: 'prod-b', name: 'Prod B', region: 'cn-north-4', projectId: PB, credentials: { akEnv: 'B_AK', skEnv: 'B_SK' }, endpoints: at(sim.url) },
        ],
        default: 'prod-a',
      },
      env: { A_AK: keys.a.ak, A_SK: keys.a.sk, B_AK: keys.b.ak, B_SK: keys.b.sk, LIST_CACHE_MS: '600000' },
    },
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
  await sim?.close();
});

const project = (id: string) => sim.projects.get(id)!;
const lists = (id: string) => project(id).requests().filter((r) => r.operation === 'dli.listEnhancedConnections');
const view = async (prefix: string, query = '') => {
  const res = await h.call('GET', `${prefix}/views/dli/enhanced-connections?${query}`);
  expect(res.status, res.text).toBe(200);
  return ConnectionsViewPage.parse(res.json);
};

describe('the whole-list view per target', () => {
  it('reads each target’s own whole list; unprefixed is the default target', async () => {
    expect((await view('/api/t/prod-b', 'pageSize=0')).count).toBe(20);
    expect((await view('/api/t/prod-a', 'pageSize=0')).count).toBe(30);
    expect((await view('/api', 'pageSize=0')).count).toBe(30);
  });

  it('a write on one target drops only that target’s kept list', async () => {
    const b = await view('/api/t/prod-b', 'pageSize=0&sort=name');
    await view('/api/t/prod-a');
    project(PA).clearRequests();
    project(PB).clearRequests();
    const victim = b.connections.find((c) => c.status.toUpperCase() === 'ACTIVE')!;
    expect((await h.call('DELETE', `/api/t/prod-b/dli/enhanced-connections/${victim.id}`)).status).toBe(200);
    await view('/api/t/prod-b');
    await view('/api/t/prod-a');
    expect(lists(PB)).toHaveLength(1);
    expect(lists(PA)).toHaveLength(0);
  });

  it('needs a role on the target, and says nothing about targets that do not exist', async () => {
    const cookie = (await h.signIn({ username: onlyA.username, password: onlyA.password })).cookie!;
    expect((await h.call('GET', '/api/views/dli/enhanced-connections', { cookie })).status).toBe(200);
    expectError(await h.call('GET', '/api/t/prod-b/views/dli/enhanced-connections', { cookie }), 403, 'FORBIDDEN');
    expectError(await h.call('GET', '/api/t/nowhere/views/dli/enhanced-connections', { cookie }), 404, 'NOT_FOUND');
  });
});
