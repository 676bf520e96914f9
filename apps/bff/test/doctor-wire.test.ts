import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogue, DoctorHistory, DoctorRun, type EnhancedConnection } from '@dsc/api-types';
import type { RequestRecord } from 'cloud-sim';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

// Issue 19 through real HTTP: the BFF's routes for routes, authorisations and connectivity tests
// carry exactly the catalogue's wire bodies to the simulator, signed; roles and validation hold;
// every write is audited; the doctor's history is kept per connection.

let h: Harness;
let viewerCookie: string;
let connectionId: string;
let projectId: string;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function simRequests(): Promise<RequestRecord[]> {
  return (await (await fetch(`${h.sim.url}/_sim/requests`)).json()) as RequestRecord[];
}
async function clearSimRequests(): Promise<void> {
  await fetch(`${h.sim.url}/_sim/requests`, { method: 'DELETE' });
}

beforeAll(async () => {
  h = await startHarness();
  const { cookie } = await h.signIn('viewer');
  viewerCookie = cookie!;
  projectId = h.sim.control.projectId;
  const created = await h.call('POST', '/api/dli/enhanced-connections', {
    body: {
      name: 'doctor_wire',
      dest_vpc_id: 'vpc-doctor',
      dest_network_id: 'subnet-doctor',
      queues: ['spark_etl_prod'],
      hosts: [{ name: 'orders-db', ip: '172.16.5.10' }],
    },
  });
  expect(created.status, created.text).toBe(200);
  connectionId = (created.json as { connection_id: string }).connection_id;
  expect((await h.call('GET', `/api/dli/enhanced-connections/${connectionId}`)).status).toBe(200);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearSimRequests();
});

async function runTest(queue: string, address: string): Promise<string> {
  const started = await h.call('POST', `/api/dli/queues/${queue}/connection-test`, { body: { address } });
  expect(started.status, started.text).toBe(200);
  const { task_id } = catalogue['dli.startConnectionTest'].response.parse(started.json);
  const polled = await h.call('GET', `/api/dli/queues/${queue}/connection-test/${task_id}`, { cookie: viewerCookie });
  expect(polled.status, polled.text).toBe(200);
  return catalogue['dli.getConnectionTest'].response.parse(polled.json).connectivity ?? '';
}

describe('routes: add, see in the detail, remove', () => {
  it('sends the route body byte for byte, signed, to the v3 path; the detail reports it; delete follows', async () => {
    const body = { name: 'to_orders', cidr: '172.16.5.0/24' };
    const res = await h.call('POST', `/api/dli/enhanced-connections/${connectionId}/routes`, { body });
    expect(res.status, res.text).toBe(200);
    const [up] = await simRequests();
    expect(up?.operation).toBe('dli.createRoute');
    expect(up?.path).toBe(`/v3/${projectId}/datasource/enhanced-connections/${connectionId}/routes`);
    expect(up?.signature).toBe('ok');
    expect(up?.bodySha256).toBe(sha256(JSON.stringify(body)));

    const detail = await h.call('GET', `/api/dli/enhanced-connections/${connectionId}`, { cookie: viewerCookie });
    const conn = catalogue['dli.getEnhancedConnection'].response.parse(detail.json) as EnhancedConnection;
    expect(conn.routes?.map((r) => [r.name, r.cidr])).toEqual([['to_orders', '172.16.5.0/24']]);

    const del = await h.call('DELETE', `/api/dli/enhanced-connections/${connectionId}/routes/to_orders`);
    expect(del.status, del.text).toBe(200);
    const after = catalogue['dli.getEnhancedConnection'].response.parse(
      (await h.call('GET', `/api/dli/enhanced-connections/${connectionId}`)).json,
    ) as EnhancedConnection;
    expect(after.routes).toEqual([]);
  });

  it.each([
    ['a bad CIDR', { name: 'r', cidr: '172.16.5.1/24' }, 'cidr'],
    ['a CIDR without a prefix', { name: 'r', cidr: '172.16.5.0' }, 'cidr'],
    ['a name too long', { name: 'r'.repeat(65), cidr: '172.16.5.0/24' }, 'name'],
  ])('%s → 400 naming the field, nothing sent upstream', async (_what, body, field) => {
    const res = await h.call('POST', `/api/dli/enhanced-connections/${connectionId}/routes`, { body });
    const err = expectError(res, 400, 'VALIDATION');
    expect(Object.keys(err.fields ?? {})).toContain(field);
    expect(await simRequests()).toEqual([]);
  });

  it('a viewer may not add or remove a route (403, audited as denied)', async () => {
    const res = await h.call('POST', `/api/dli/enhanced-connections/${connectionId}/routes`, {
      body: { name: 'r', cidr: '10.0.0.0/8' },
      cookie: viewerCookie,
    });
    expectError(res, 403, 'FORBIDDEN');
    expectError(await h.call('DELETE', `/api/dli/enhanced-connections/${connectionId}/routes/r`, { cookie: viewerCookie }), 403, 'FORBIDDEN');
    expect(await simRequests()).toEqual([]);
    const denied = h.auditEntries().filter((e) => e.operation === 'dli.createRoute' && e.outcome === 'denied');
    expect(denied.at(-1)?.user).toBe(h.users.viewer.username);
  });
});

describe('connectivity tests through the BFF', () => {
  it('unreachable, then reachable once a route is added; starting is audited with the queue', async () => {
    expect(await runTest('spark_etl_prod', 'orders-db:5432')).toBe('UNREACHABLE');
    await h.call('POST', `/api/dli/enhanced-connections/${connectionId}/routes`, { body: { name: 'to_orders2', cidr: '172.16.0.0/16' } });
    expect(await runTest('spark_etl_prod', 'orders-db:5432')).toBe('REACHABLE');
    const started = h.auditEntries().filter((e) => e.operation === 'dli.startConnectionTest');
    expect(started.at(-1)).toMatchObject({ outcome: 'success', user: h.users.operator.username, targetIds: { queue_name: 'spark_etl_prod' } });
    const up = (await simRequests()).find((r) => r.operation === 'dli.startConnectionTest');
    expect(up?.bodySha256).toBe(sha256(JSON.stringify({ address: 'orders-db:5432' })));
  });

  it('a port out of range or a bad host → 400 naming address, nothing sent', async () => {
    for (const address of ['orders-db:70000', 'orders-db:0', '-bad:80', '10.0.0.256:80']) {
      const err = expectError(await h.call('POST', '/api/dli/queues/spark_etl_prod/connection-test', { body: { address } }), 400, 'VALIDATION');
      expect(Object.keys(err.fields ?? {})).toEqual(['address']);
    }
    expect(await simRequests()).toEqual([]);
  });

  it('a viewer may poll but not start a test', async () => {
    expectError(
      await h.call('POST', '/api/dli/queues/spark_etl_prod/connection-test', { body: { address: 'orders-db:5432' }, cookie: viewerCookie }),
      403,
      'FORBIDDEN',
    );
    expect(await simRequests()).toEqual([]);
  });

  it('an unknown task is the upstream’s 404, passed on in the one error shape', async () => {
    const res = await h.call('GET', '/api/dli/queues/spark_etl_prod/connection-test/424242');
    expect(res.status).toBe(404);
    expect((res.json as { error: { upstream?: { code?: string } } }).error.upstream?.code).toBe('DLI.0002');
  });
});

describe('authorisations', () => {
  const body = (action: 'grant' | 'revoke', project: string) => ({
    projectId: project,
    action,
    privileges: [{ object: `edsconnections.${connectionId}`, privileges: ['BIND_QUEUE'] }],
  });
  const other = '330e068af1334c9782f4226acc00a2e2';

  it('grant, list, revoke; the wire body keeps the provider’s camelCase projectId', async () => {
    const res = await h.call('PUT', '/api/dli/authorization', { body: body('grant', other) });
    expect(res.status, res.text).toBe(200);
    const [up] = await simRequests();
    expect(up?.path).toBe(`/v1.0/${projectId}/authorization`);
    expect(up?.bodySha256).toBe(sha256(JSON.stringify(body('grant', other))));
    const list = await h.call('GET', `/api/dli/enhanced-connections/${connectionId}/privileges`, { cookie: viewerCookie });
    const parsed = catalogue['dli.listConnectionPrivileges'].response.parse(list.json);
    expect(parsed.privileges.map((p) => p.applicant_project_id)).toEqual([other]);
    expect((await h.call('PUT', '/api/dli/authorization', { body: body('revoke', other) })).status).toBe(200);
    const after = catalogue['dli.listConnectionPrivileges'].response.parse(
      (await h.call('GET', `/api/dli/enhanced-connections/${connectionId}/privileges`)).json,
    );
    expect(after.privileges).toEqual([]);
    const audited = h.auditEntries().filter((e) => e.operation === 'dli.authorizeConnection' && e.outcome === 'success');
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('a project id that is not 32 hex, or another object, → 400 naming the field', async () => {
    const bad = expectError(await h.call('PUT', '/api/dli/authorization', { body: body('grant', 'NOT-A-PROJECT') }), 400, 'VALIDATION');
    expect(Object.keys(bad.fields ?? {})).toEqual(['projectId']);
    const wrongObject = { ...body('grant', other), privileges: [{ object: 'queues.spark_etl_prod', privileges: ['BIND_QUEUE'] }] };
    const err = expectError(await h.call('PUT', '/api/dli/authorization', { body: wrongObject }), 400, 'VALIDATION');
    expect(Object.keys(err.fields ?? {})).toEqual(['privileges.0.object']);
    expectError(await h.call('PUT', '/api/dli/authorization', { body: body('grant', other), cookie: viewerCookie }), 403, 'FORBIDDEN');
    expect(await simRequests()).toEqual([]);
  });
});

describe('the doctor’s history', () => {
  const results = [
    { queue: 'spark_etl_prod', address: 'orders-db:5432', outcome: 'UNREACHABLE', diagnosis: 'no-route' },
    { queue: 'spark_etl_prod', address: '172.16.5.10:5432', outcome: 'REACHABLE' },
  ];

  it('records who ran it and when, newest first; a viewer reads it but may not write it', async () => {
    const path = `/api/doctor/connections/${connectionId}/runs`;
    const first = await h.call('POST', path, { body: { results } });
    expect(first.status, first.text).toBe(201);
    const run = DoctorRun.parse(first.json);
    expect(run.user).toBe(h.users.operator.username);
    expect(Date.parse(run.time)).not.toBeNaN();
    await h.call('POST', path, { body: { results: results.slice(1) } });
    const list = DoctorHistory.parse((await h.call('GET', path, { cookie: viewerCookie })).json);
    expect(list.runs.map((r) => r.results.length)).toEqual([1, 2]);
    expect(list.runs[1]?.id).toBe(run.id);
    expectError(await h.call('POST', path, { body: { results }, cookie: viewerCookie }), 403, 'FORBIDDEN');
    const audited = h.auditEntries().filter((e) => e.operation === 'doctor.recordRun');
    expect(audited.map((e) => e.outcome)).toEqual(['success', 'success', 'denied']);
    expect(audited[0]?.targetIds).toEqual({ connection_id: connectionId });
    // Another connection's history is its own.
    const other = DoctorHistory.parse((await h.call('GET', '/api/doctor/connections/other-conn/runs')).json);
    expect(other.runs).toEqual([]);
  });

  it('is kept per target: /api/t/default/… is the default target’s history; an unknown target is 404', async () => {
    const path = `/doctor/connections/${connectionId}/runs`;
    const plain = DoctorHistory.parse((await h.call('GET', `/api${path}`)).json);
    const prefixed = DoctorHistory.parse((await h.call('GET', `/api/t/default${path}`)).json);
    expect(prefixed.runs.map((r) => r.id)).toEqual(plain.runs.map((r) => r.id));
    expectError(await h.call('GET', `/api/t/nowhere${path}`), 404, 'NOT_FOUND');
    const posted = await h.call('POST', `/api/t/default${path}`, { body: { results: results.slice(0, 1) } });
    expect(posted.status, posted.text).toBe(201);
    expect(h.auditEntries().filter((e) => e.operation === 'doctor.recordRun').at(-1)?.target).toBe('default');
  });

  it('refuses bad results with 400 naming the field', async () => {
    const path = `/api/doctor/connections/${connectionId}/runs`;
    const err = expectError(
      await h.call('POST', path, { body: { results: [{ ...results[0], outcome: 'MAYBE' }] } }),
      400,
      'VALIDATION',
    );
    expect(Object.keys(err.fields ?? {})).toEqual(['results.0.outcome']);
    expectError(await h.call('POST', path, { body: { results: [] } }), 400, 'VALIDATION');
    expectError(await h.call('POST', '/api/doctor/connections/..%2Fx/runs', { body: { results } }), 400, 'VALIDATION');
  });

  it('no secret shows anywhere', () => {
    expect(secretsSeen(h)).toEqual([]);
  });
});
