import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../request-log.ts';
import type { SimStats } from '../stats.ts';
import { startTestSim } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';

const LIST = '/v2.0/{p}/datasource/enhanced-connections';
let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 1, enhancedConnections: 30 });
});
afterAll(() => t.close());
beforeEach(() => t.sim.control.reset());

const firstIds = async (q = '?limit=5') => ((await t.call('GET', `${LIST}${q}`)).json as { connections: { id: string }[] }).connections.map((c) => c.id);

describe('/_sim admin API', () => {
  it('reset re-seeds: the same seed gives the same cloud, another seed another; count is configurable', async () => {
    const a = await firstIds();
    await t.call('POST', LIST, { name: 'temp_conn', dest_vpc_id: 'v', dest_network_id: 'n' });
    expect((await t.admin('POST', '/reset')).status).toBe(200);
    expect(await firstIds()).toEqual(a);
    const other = await t.admin('POST', '/reset', { seed: 2, enhancedConnections: 50 });
    expect(other.json).toMatchObject({ ok: true, seed: 2, enhancedConnections: 50 });
    expect(await firstIds()).not.toEqual(a);
    expect(((await t.call('GET', `${LIST}?limit=0`)).json as { count: number }).count).toBe(50);
    // Left out, the options fall back to the construction options.
    await t.admin('POST', '/reset', {});
    expect(((await t.call('GET', `${LIST}?limit=0`)).json as { count: number }).count).toBe(30);
    expect((await t.admin('POST', '/reset', { enhancedConnections: -1 })).status).toBe(400);
  });

  it('requests: records what reached "upstream", exactly, with the outcome; limit and clear', async () => {
    const body = { name: 'logged_conn', dest_vpc_id: 'v', dest_network_id: 'n' };
    await t.call('GET', `${LIST}?limit=2&name=x`);
    await t.call('POST', LIST, body);
    await t.call('GET', '/v1.0/{p}/clusters', undefined, { unsigned: true });
    const all = (await t.admin('GET', '/requests')).json as RequestRecord[];
    expect(all).toHaveLength(3);
    const [get, post, unsigned] = all;
    expect(get).toMatchObject({ method: 'GET', query: { limit: '2', name: 'x' }, operation: 'dli.listEnhancedConnections', status: 200 });
    const text = JSON.stringify(body);
    expect(post).toMatchObject({ method: 'POST', bodyText: text, signature: 'ok', status: 200 });
    expect(post?.bodySha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(post?.path).toBe(`/v2.0/${t.sim.projectId}/datasource/enhanced-connections`);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    expect(unsigned).toMatchObject({ signature: 'missing', operation: null, status: 401 });
    expect(((await t.admin('GET', '/requests?limit=1')).json as RequestRecord[])[0]?.requestId).toBe(unsigned?.requestId);
    expect((await t.admin('DELETE', '/requests')).status).toBe(204);
    expect((await t.admin('GET', '/requests')).json).toEqual([]);
  });

  it('requests: never hands a password back, but its hash still proves the exact bytes', async () => {
    const info = JSON.stringify({ db_name: 'd', user_name: 'u', password: 'Top-Secret-77', rds_instance_id: 'r1' });
    const text = JSON.stringify({ data_connector: { connector_name: 'logged-pw', source_type: 'RDS_MYSQL', source_info: info } });
    expect((await t.call('POST', '/v2/{p}/data-connectors', text)).status).toBe(201);
    const res = await t.admin('GET', '/requests?limit=1');
    expect(res.text).not.toContain('Top-Secret-77');
    const [rec] = res.json as RequestRecord[];
    expect(rec?.bodyRedacted).toBe(true);
    expect(rec?.bodySha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('stats: counts requests per operation and applied mutations separately', async () => {
    await t.call('POST', LIST, { name: 'stat_one', dest_vpc_id: 'v', dest_network_id: 'n' });
    await t.call('POST', LIST, { name: 'stat_one', dest_vpc_id: 'v', dest_network_id: 'n' });
    await t.call('GET', '/v1.0/{p}/clusters', undefined, { unsigned: true });
    await t.call('GET', '/v2.0/{p}/nothing-here');
    const stats = (await t.admin('GET', '/stats')).json as SimStats;
    expect(stats.requests['dli.createEnhancedConnection']).toBe(2);
    expect(stats.mutations['dli.createEnhancedConnection']).toBe(1);
    expect(stats.creates.enhancedConnections).toBe(1);
    expect(stats.signatureFailures).toBe(1);
    expect(stats.unmatched).toBe(1);
  });

  it('clock: skews the simulator’s time and reports it', async () => {
    const res = await t.admin('POST', '/clock', { offsetMs: 3_600_000 });
    expect(res.json).toMatchObject({ offsetMs: 3_600_000 });
    expect(Date.parse((res.json as { now: string }).now) - Date.now()).toBeGreaterThan(3_500_000);
    expect((await t.admin('GET', '/clock')).json).toMatchObject({ offsetMs: 3_600_000 });
    expect((await t.admin('POST', '/clock', { offsetMs: 'soon' })).status).toBe(400);
  });

  it('timing and inventory', async () => {
    expect((await t.admin('POST', '/timing', { mode: 'reads', reads: 3 })).json).toEqual({ mode: 'reads', reads: 3 });
    const inv = (await t.admin('GET', '/inventory')).json as { projectId: string; basicConnections: unknown[]; dwsClusters: unknown[] };
    expect(inv.projectId).toBe(t.sim.projectId);
    expect(inv.basicConnections.length).toBeGreaterThanOrEqual(15);
    expect(inv.dwsClusters.length).toBe(6);
    expect((await t.admin('GET', '/nope')).status).toBe(404);
  });

  it('admin routes need no signature and answer with X-Request-Id too', async () => {
    const res = await t.admin('GET', '/stats');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });
});
