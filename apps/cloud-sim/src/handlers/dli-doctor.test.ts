import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSim } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';

// Issue 19: connectivity is a consequence of state. Each case builds the state through the same
// signed HTTP API the BFF uses, then asks the simulator's queue whether it reaches an address.

const CONNS = '/v2.0/{p}/datasource/enhanced-connections';
const OWN = () => t.sim.control.projectId;

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 5, enhancedConnections: 20 });
});
afterAll(() => t.close());
beforeEach(() => {
  t.sim.control.reset({ seed: 5, enhancedConnections: 20 });
  t.sim.control.setTiming({ mode: 'immediate' });
  t.sim.control.faults.replace([]);
});

async function ok(method: string, path: string, body?: unknown) {
  const res = await t.call(method, path, body);
  expect(res.status, res.text).toBe(200);
  return res.json as Record<string, unknown>;
}

async function connection(queues: string[], hosts = [{ name: 'orders-db', ip: '172.16.5.10' }]): Promise<string> {
  const name = `doctor_${Math.random().toString(36).slice(2, 8)}`;
  const body = await ok('POST', CONNS, { name, dest_vpc_id: 'vpc-doctor', dest_network_id: 'subnet-doctor', queues, hosts });
  return body.connection_id as string;
}

async function test(queue: string, address: string): Promise<string> {
  const started = await ok('POST', `/v1.0/{p}/queues/${queue}/connection-test`, { address });
  expect(Number.isInteger(started.task_id)).toBe(true);
  const result = await ok('GET', `/v1.0/{p}/queues/${queue}/connection-test/${String(started.task_id)}`);
  return result.connectivity as string;
}

describe('connectivity follows state', () => {
  it('unreachable without a route, reachable once a route covers the address, unreachable again when it is removed', async () => {
    const id = await connection(['spark_etl_prod']);
    await ok('GET', `${CONNS}/${id}`); // settles the binding (immediate timing)
    expect(await test('spark_etl_prod', '172.16.5.10:5432')).toBe('UNREACHABLE');
    await ok('POST', `/v3/{p}/datasource/enhanced-connections/${id}/routes`, { name: 'to_orders', cidr: '172.16.5.0/24' });
    expect(await test('spark_etl_prod', '172.16.5.10:5432')).toBe('REACHABLE');
    expect(await test('spark_etl_prod', 'orders-db:5432')).toBe('REACHABLE');
    const detail = await ok('GET', `${CONNS}/${id}`);
    expect(detail.routes).toEqual([expect.objectContaining({ name: 'to_orders', cidr: '172.16.5.0/24' })]);
    const del = await ok('DELETE', `/v3/{p}/datasource/enhanced-connections/${id}/routes/to_orders`);
    expect(del.message).toBe('Deleted');
    expect(await test('spark_etl_prod', '172.16.5.10:5432')).toBe('UNREACHABLE');
  });

  it('a host name resolves only through the connection’s hosts', async () => {
    const id = await connection(['spark_etl_prod']);
    await ok('POST', `/v3/{p}/datasource/enhanced-connections/${id}/routes`, { name: 'to_orders', cidr: '172.16.5.0/24' });
    expect(await test('spark_etl_prod', 'billing-db:5432')).toBe('UNREACHABLE');
    await ok('PUT', `${CONNS}/${id}`, { hosts: [{ name: 'orders-db', ip: '172.16.5.10' }, { name: 'billing-db', ip: '172.16.5.11' }] });
    expect(await test('spark_etl_prod', 'billing-db:5432')).toBe('REACHABLE');
  });

  it('a queue whose binding is not ACTIVE reaches nothing (CREATING, then FAILED)', async () => {
    t.sim.control.setTiming({ mode: 'reads', reads: 50 });
    const id = await connection(['spark_etl_prod', 'spark_failover_test']);
    await ok('POST', `/v3/{p}/datasource/enhanced-connections/${id}/routes`, { name: 'to_orders', cidr: '172.16.5.0/24' });
    t.sim.control.setTiming({ mode: 'immediate' });
    // Reads mode kept the binding CREATING until this read; the test is decided when it starts.
    expect(await test('spark_failover_test', '172.16.5.10:5432')).toBe('UNREACHABLE');
    const detail = await ok('GET', `${CONNS}/${id}`);
    const failed = (detail.available_queue_info as { name: string; status: string }[]).find((q) => q.name === 'spark_failover_test');
    expect(failed?.status).toBe('FAILED');
    expect(await test('spark_failover_test', '172.16.5.10:5432')).toBe('UNREACHABLE');
    expect(await test('spark_etl_prod', '172.16.5.10:5432')).toBe('REACHABLE');
  });

  it('the connection’s own subnet needs no route', async () => {
    const conns = (await ok('GET', `${CONNS}?limit=0&status=ACTIVE`)).connections as {
      id: string;
      isPrivis: boolean;
      available_queue_info: { name: string; status: string }[];
    }[];
    const c = conns.find((x) => !x.isPrivis && x.available_queue_info.some((q) => q.status === 'ACTIVE'))!;
    const queue = c.available_queue_info.find((q) => q.status === 'ACTIVE')!.name;
    const detail = await ok('GET', `${CONNS}/${c.id}`);
    const hosts = detail.hosts as { name: string; ip: string }[];
    const own = hosts[0]?.ip ?? '';
    if (own) expect(await test(queue, `${own}:22`)).toBe('REACHABLE');
    // 100.64.0.0/16 is every seeded connection's shared_services route.
    expect(await test(queue, '100.64.3.4:443')).toBe('REACHABLE');
    expect(await test(queue, '203.0.113.9:443')).toBe('UNREACHABLE');
  });

  it('a project not authorised on the connection (isPrivis true) reaches nothing until granted', async () => {
    const id = await connection(['spark_etl_prod'], []);
    await ok('POST', `/v3/{p}/datasource/enhanced-connections/${id}/routes`, { name: 'all_10', cidr: '10.0.0.0/8' });
    const body = (action: string) => ({
      projectId: OWN(),
      action,
      privileges: [{ object: `edsconnections.${id}`, privileges: ['BIND_QUEUE'] }],
    });
    await ok('PUT', '/v1.0/{p}/authorization', body('grant'));
    const granted = await ok('GET', `${CONNS}/${id}/privileges`);
    expect(granted.privileges).toEqual([{ object: `edsconnections.${id}`, applicant_project_id: OWN(), privileges: ['BIND_QUEUE'] }]);
    expect(await test('spark_etl_prod', '10.1.2.3:80')).toBe('REACHABLE');
    await ok('PUT', '/v1.0/{p}/authorization', body('revoke'));
    expect((await ok('GET', `${CONNS}/${id}/privileges`)).privileges).toEqual([]);
    expect(await test('spark_etl_prod', '10.1.2.3:80')).toBe('UNREACHABLE');
    const listed = (await ok('GET', `${CONNS}?limit=0`)).connections as { id: string; isPrivis: boolean }[];
    expect(listed.find((c) => c.id === id)?.isPrivis).toBe(true);
  });
});

describe('connectivity tests and routes: the provider’s errors', () => {
  it('a test answers CHECKING until it settles, then the result', async () => {
    const id = await connection(['spark_etl_prod']);
    await ok('GET', `${CONNS}/${id}`);
    t.sim.control.setTiming({ mode: 'reads', reads: 2 });
    const started = await ok('POST', '/v1.0/{p}/queues/spark_etl_prod/connection-test', { address: '172.16.5.10:5432' });
    const path = `/v1.0/{p}/queues/spark_etl_prod/connection-test/${String(started.task_id)}`;
    expect((await ok('GET', path)).connectivity).toBe('CHECKING');
    expect((await ok('GET', path)).connectivity).toBe('UNREACHABLE');
  });

  it('an unknown queue, an unknown task and another queue’s task are 404 DLI.0002', async () => {
    const q = await t.call('POST', '/v1.0/{p}/queues/no_such_queue/connection-test', { address: '10.0.0.1:80' });
    expect([q.status, (q.json as { error_code: string }).error_code]).toEqual([404, 'DLI.0002']);
    const started = await ok('POST', '/v1.0/{p}/queues/spark_etl_prod/connection-test', { address: '10.0.0.1:80' });
    const other = await t.call('GET', `/v1.0/{p}/queues/sql_prod_yearly/connection-test/${String(started.task_id)}`);
    expect(other.status).toBe(404);
    expect((await t.call('GET', '/v1.0/{p}/queues/spark_etl_prod/connection-test/999999')).status).toBe(404);
  });

  it('a duplicate route name is 409 DLI.0006; a missing one 404; a bad CIDR 400 DLI.0001', async () => {
    const id = await connection([]);
    const path = `/v3/{p}/datasource/enhanced-connections/${id}/routes`;
    await ok('POST', path, { name: 'r1', cidr: '172.16.0.0/16' });
    const dup = await t.call('POST', path, { name: 'r1', cidr: '172.17.0.0/16' });
    expect([dup.status, (dup.json as { error_code: string }).error_code]).toEqual([409, 'DLI.0006']);
    expect((await t.call('DELETE', `${path}/nope`)).status).toBe(404);
    const bad = await t.call('POST', path, { name: 'r2', cidr: '172.16.0.1/16' });
    expect([bad.status, (bad.json as { error_code: string }).error_code]).toEqual([400, 'DLI.0001']);
  });

  it('faults still apply to the connectivity test', async () => {
    t.sim.control.faults.replace([{ operation: 'dli.startConnectionTest', status: 503, errorCode: 'DLI.0999', times: 1 }]);
    const res = await t.call('POST', '/v1.0/{p}/queues/spark_etl_prod/connection-test', { address: '10.0.0.1:80' });
    expect(res.status).toBe(503);
    expect((await t.call('POST', '/v1.0/{p}/queues/spark_etl_prod/connection-test', { address: '10.0.0.1:80' })).status).toBe(200);
  });
});
