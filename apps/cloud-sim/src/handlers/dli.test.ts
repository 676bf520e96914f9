import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';

const LIST = '/v2.0/{p}/datasource/enhanced-connections';

interface QueueInfo {
  name: string;
  status: string;
  err_msg: string;
  peer_id: string;
}
interface Conn {
  id: string;
  name: string;
  status: string;
  create_time: number;
  isPrivis?: boolean;
  tags: { key: string; value: string }[];
  hosts: unknown[];
  available_queue_info: QueueInfo[];
}
interface ListBody {
  count: number;
  connections: Conn[];
}

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 3 });
});
afterAll(() => t.close());

async function list(query = ''): Promise<ListBody> {
  const res = await t.call('GET', `${LIST}${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json as ListBody;
}

async function getConn(id: string): Promise<Conn & { is_success: boolean }> {
  const res = await t.call('GET', `${LIST}/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.json as Conn & { is_success: boolean };
}

async function create(name: string, queues: string[]): Promise<string> {
  const res = await t.call('POST', LIST, { name, dest_vpc_id: 'vpc-a', dest_network_id: 'net-a', queues });
  expect(res.status, res.text).toBe(200);
  return (res.json as { connection_id: string }).connection_id;
}

function errorOf(res: { json: unknown }): { error_code: string; error_msg: string } {
  return res.json as { error_code: string; error_msg: string };
}

describe('DLI list enhanced connections', () => {
  it('defaults to 100 items, counts every match, and limit=0 returns all', async () => {
    t.sim.control.reset({ seed: 3 });
    const first = await list();
    expect(first.count).toBe(300);
    expect(first.connections).toHaveLength(100);
    const all = await list('?limit=0');
    expect(all.connections).toHaveLength(300);
  });

  it('pages with offset over creation time, newest first', async () => {
    const all = (await list('?limit=0')).connections;
    const times = all.map((c) => c.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const p1 = await list('?limit=10&offset=0');
    const p2 = await list('?limit=10&offset=10');
    expect([...p1.connections, ...p2.connections].map((c) => c.id)).toEqual(all.slice(0, 20).map((c) => c.id));
    expect((await list('?offset=295')).connections).toHaveLength(5);
  });

  it('filters status case-insensitively', async () => {
    const upper = await list('?status=DELETED&limit=0');
    const lower = await list('?status=deleted&limit=0');
    expect(upper.count).toBeGreaterThan(0);
    expect(lower.count).toBe(upper.count);
    expect(upper.connections.every((c) => c.status === 'DELETED')).toBe(true);
    const active = await list('?status=Active&limit=0');
    expect(active.count + upper.count).toBe(300);
  });

  it('filters name by case-insensitive substring', async () => {
    const all = (await list('?limit=0')).connections;
    const res = await list('?name=ORDERS&limit=0');
    expect(res.count).toBe(all.filter((c) => c.name.includes('orders')).length);
    expect(res.count).toBeGreaterThan(0);
  });

  it('filters tags given as k=v,k2=v2 (all must match)', async () => {
    const all = (await list('?limit=0')).connections;
    const one = await list('?tags=env=prod&limit=0');
    expect(one.count).toBe(all.filter((c) => c.tags.some((x) => x.key === 'env' && x.value === 'prod')).length);
    const two = await list('?tags=env=prod,team=sre&limit=0');
    expect(two.count).toBeLessThanOrEqual(one.count);
    for (const c of two.connections) {
      expect(c.tags).toEqual(expect.arrayContaining([{ key: 'env', value: 'prod' }, { key: 'team', value: 'sre' }]));
    }
  });

  it('answers a bad parameter with 400 DLI.0001', async () => {
    const res = await t.call('GET', `${LIST}?limit=abc`);
    expect(res.status).toBe(400);
    expect(errorOf(res).error_code).toBe('DLI.0001');
  });

  it('list items carry isPrivis, the get-one answer does not', async () => {
    const [item] = (await list('?limit=1')).connections;
    expect(typeof item?.isPrivis).toBe('boolean');
    const one = await getConn(item?.id ?? '');
    expect(one).not.toHaveProperty('isPrivis');
    expect(one.is_success).toBe(true);
  });

  it('seeds hosts from none to thousands, and some FAILED queues with a reason', async () => {
    const all = (await list('?limit=0')).connections;
    expect(all.some((c) => c.hosts.length === 0)).toBe(true);
    expect(all.some((c) => c.hosts.length >= 1000)).toBe(true);
    const failed = all.flatMap((c) => c.available_queue_info).filter((q) => q.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((q) => q.err_msg.length > 0)).toBe(true);
  });
});

describe('DLI queues', () => {
  it('returns only SQL queues unless queue_type=all', async () => {
    const get = async (q: string) =>
      ((await t.call('GET', `/v1.0/{p}/queues${q}`)).json as { queues: { queue_name: string; queue_type: string }[] }).queues;
    const dflt = await get('');
    const all = await get('?queue_type=all');
    const general = await get('?queue_type=general');
    expect(dflt.every((q) => q.queue_type === 'sql')).toBe(true);
    expect(all.length).toBe(dflt.length + general.length);
    expect(all.map((q) => q.queue_name)).toContain('default');
    expect(all.length).toBeGreaterThanOrEqual(10);
    const prod = await get('?queue_type=all&tags=env=prod');
    expect(prod.length).toBeGreaterThan(0);
    expect(prod.length).toBeLessThan(all.length);
    expect(prod.map((q) => q.queue_name)).not.toContain('default');
  });
});

describe('DLI enhanced connection lifecycle', () => {
  it('immediate timing: a bound queue is ACTIVE on the first read', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'immediate' } });
    const id = await create('immediate_conn', ['sql_prod_yearly']);
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('ACTIVE');
  });

  it('reads timing: CREATING until the Nth read, then ACTIVE', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'reads', reads: 3 } });
    const id = await create('reads_conn', ['sql_prod_yearly']);
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('CREATING');
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('CREATING');
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('ACTIVE');
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('ACTIVE');
  });

  it('seconds timing: CREATING until the time has passed', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'seconds', seconds: 30 } });
    const id = await create('seconds_conn', ['spark_etl_prod']);
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('CREATING');
    t.sim.control.setClockOffset(31_000);
    expect((await getConn(id)).available_queue_info[0]?.status).toBe('ACTIVE');
  });

  it('a queue whose name contains "fail" ends FAILED with a reason; binding it again retries', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'reads', reads: 2 } });
    const id = await create('fail_path_conn', ['spark_failover_test', 'sql_prod_yearly']);
    await getConn(id);
    const settled = (await getConn(id)).available_queue_info;
    const failed = settled.find((q) => q.name === 'spark_failover_test');
    expect(failed?.status).toBe('FAILED');
    expect(failed?.err_msg).toMatch(/peering|route|Queue resources/);
    expect(settled.find((q) => q.name === 'sql_prod_yearly')?.status).toBe('ACTIVE');
    const again = await t.call('POST', `${LIST}/${id}/associate-queue`, { queues: ['spark_failover_test'] });
    expect(again.status).toBe(200);
    expect((await getConn(id)).available_queue_info.find((q) => q.name === 'spark_failover_test')?.status).toBe('CREATING');
  });

  it('binding an already bound queue is 409 DLI.0006; unbinding an unbound one is 404 DLI.0002', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'immediate' } });
    const id = await create('bind_rules', ['sql_prod_yearly']);
    const dup = await t.call('POST', `${LIST}/${id}/associate-queue`, { queues: ['sql_prod_yearly'] });
    expect([dup.status, errorOf(dup).error_code]).toEqual([409, 'DLI.0006']);
    const missing = await t.call('POST', `${LIST}/${id}/disassociate-queue`, { queues: ['spark_etl_prod'] });
    expect([missing.status, errorOf(missing).error_code]).toEqual([404, 'DLI.0002']);
    const unbind = await t.call('POST', `${LIST}/${id}/disassociate-queue`, { queues: ['sql_prod_yearly'] });
    expect(unbind.status).toBe(200);
    expect((await getConn(id)).available_queue_info).toEqual([]);
  });

  it('refuses the default queue, shared pay-per-use queues and unknown queues', async () => {
    const before = t.sim.control.stats().creates.enhancedConnections;
    const body = (queues: string[]) => ({ name: 'bad_queue', dest_vpc_id: 'v', dest_network_id: 'n', queues });
    const dflt = await t.call('POST', LIST, body(['default']));
    expect([dflt.status, errorOf(dflt).error_code]).toEqual([400, 'DLI.0001']);
    const shared = await t.call('POST', LIST, body(['sql_shared_adhoc']));
    expect([shared.status, errorOf(shared).error_code]).toEqual([400, 'DLI.0007']);
    const unknown = await t.call('POST', LIST, body(['no_such_queue']));
    expect([unknown.status, errorOf(unknown).error_code]).toEqual([404, 'DLI.0002']);
    expect(t.sim.control.stats().creates.enhancedConnections).toBe(before);
  });

  it('refuses a duplicate name with 409 DLI.0006', async () => {
    t.sim.control.reset({ seed: 3 });
    await create('dup_name', []);
    const again = await t.call('POST', LIST, { name: 'dup_name', dest_vpc_id: 'v', dest_network_id: 'n' });
    expect([again.status, errorOf(again).error_code]).toEqual([409, 'DLI.0006']);
    expect(t.sim.control.stats().creates.enhancedConnections).toBe(1);
  });

  it('replaces hosts (up to 20,000; [] clears)', async () => {
    const id = await create('hosts_conn', []);
    const many = Array.from({ length: 20_000 }, (_, i) => ({ name: `h${i}`, ip: `10.1.${i >> 8}.${i & 255}` }));
    expect((await t.call('PUT', `${LIST}/${id}`, { hosts: many })).status).toBe(200);
    expect((await getConn(id)).hosts).toHaveLength(20_000);
    expect((await t.call('PUT', `${LIST}/${id}`, { hosts: [] })).status).toBe(200);
    expect((await getConn(id)).hosts).toEqual([]);
    const tooMany = await t.call('PUT', `${LIST}/${id}`, { hosts: [...many, { name: 'extra', ip: '10.9.9.9' }] });
    expect([tooMany.status, errorOf(tooMany).error_code]).toEqual([400, 'DLI.0001']);
  });

  it('delete marks the connection DELETED; it stays readable but cannot be changed', async () => {
    const id = await create('to_delete', ['sql_prod_yearly']);
    expect((await t.call('DELETE', `${LIST}/${id}`)).status).toBe(200);
    const gone = await getConn(id);
    expect(gone.status).toBe('DELETED');
    expect(gone.available_queue_info).toEqual([]);
    const again = await t.call('DELETE', `${LIST}/${id}`);
    expect([again.status, errorOf(again).error_code]).toEqual([404, 'DLI.0002']);
    const nothing = await t.call('GET', `${LIST}/00000000-0000-4000-8000-000000000000`);
    expect(nothing.status).toBe(404);
  });
});

describe('DLI basic connection', () => {
  it('a CREATING connection’s process rises to 1.0, then the state is ACTIVE', async () => {
    t.sim.control.reset({ seed: 3, timing: { mode: 'reads', reads: 4 } });
    const creating = t.sim.control.inventory().basicConnections.find((c) => c.state === 'CREATING');
    expect(creating).toBeDefined();
    const seen: { state: string; process: number }[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push((await t.call('GET', `/v2.0/{p}/datasource-connection/${creating?.connection_id}`)).json as { state: string; process: number });
    }
    const processes = seen.map((s) => s.process);
    expect(processes).toEqual([...processes].sort((a, b) => a - b));
    expect(seen[2]?.state).toBe('CREATING');
    expect(seen[3]).toMatchObject({ state: 'ACTIVE', process: 1 });
    expect(seen[4]).toMatchObject({ state: 'ACTIVE', process: 1 });
  });
});
