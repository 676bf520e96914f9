import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawCall, startTestSim } from './testing/signed-client.ts';
import type { TestSim } from './testing/signed-client.ts';

const CLUSTERS = '/v1.0/{p}/clusters';
const QUEUES = '/v1.0/{p}/queues';
const CREATE = '/v2.0/{p}/datasource/enhanced-connections';
const MRS = '/v2/{p}/data-connectors';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 21, enhancedConnections: 10 });
});
afterAll(() => t.close());
beforeEach(() => t.sim.control.reset());

const newConn = (name: string) => ({ name, dest_vpc_id: 'v', dest_network_id: 'n' });

describe('fault admin API', () => {
  it('replaces, adds, lists and removes matching rules (empty list removes all)', async () => {
    const a = { operation: 'dws.listClusters', status: 503 };
    const b = { service: 'mrs', latencyMs: 10 };
    expect((await t.admin('POST', '/faults', [a])).json).toEqual([a]);
    expect((await t.admin('PATCH', '/faults', [b])).json).toEqual([a, b]);
    expect((await t.admin('GET', '/faults')).json).toEqual([a, b]);
    expect((await t.admin('DELETE', '/faults', [{ status: 503, operation: 'dws.listClusters' }])).json).toEqual([b]);
    await t.admin('PATCH', '/faults', [a]);
    expect((await t.admin('DELETE', '/faults', [])).json).toEqual([]);
  });

  it('refuses a malformed rule with 400', async () => {
    const res = await t.admin('POST', '/faults', [{ operation: 'dli.nope' }]);
    expect(res.status).toBe(400);
    expect((await t.admin('POST', '/faults', [{ status: 503, bogus: 1 }])).status).toBe(400);
  });
});

describe('fault effects', () => {
  it('status: answers the service’s own error shape, with Retry-After when asked', async () => {
    t.sim.control.faults.replace([{ operation: 'dli.listQueues', status: 503, retryAfter: 7 }]);
    const res = await t.call('GET', QUEUES);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.json).toMatchObject({ error_code: 'DLI.0999' });
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
    expect(t.sim.control.stats().faultsApplied).toBe(1);
  });

  it('429 comes from the gateway (APIGW.0308 with request_id); DWS writes use the nested shape', async () => {
    t.sim.control.faults.replace([
      { operation: 'dws.listClusters', status: 429 },
      { operation: 'dws.createExtDataSource', status: 500, errorCode: 'DWS.0999', errorMessage: 'boom' },
    ]);
    const throttled = await t.call('GET', CLUSTERS);
    expect(throttled.status).toBe(429);
    expect(throttled.json).toMatchObject({ error_code: 'APIGW.0308', request_id: throttled.headers.get('x-request-id') });
    const cid = t.sim.control.inventory().dwsClusters[0]?.id;
    const res = await t.call('POST', `/v1.0/{p}/clusters/${cid}/ext-data-sources`, { type: 'OBS', data_source_name: 'f_obs', user_name: 'agency' });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'DWS.0999', message: 'boom' } });
    expect(t.sim.control.stats().creates.extDataSources).toBe(0);
  });

  it('latency alone delays the real answer', async () => {
    t.sim.control.faults.replace([{ operation: 'dws.listClusters', latencyMs: 250 }]);
    const started = performance.now();
    const res = await t.call('GET', CLUSTERS);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.status).toBe(200);
  });

  it('reset drops the connection before anything changes', async () => {
    t.sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', kind: 'reset' }]);
    await expect(t.call('POST', CREATE, newConn('reset_conn'))).rejects.toThrow();
    expect(t.sim.control.stats().creates.enhancedConnections).toBe(0);
    const [logged] = t.sim.control.requests(1);
    expect(logged?.operation).toBe('dli.createEnhancedConnection');
    expect(logged?.status).toBeNull();
  });

  it('truncate applies the change, then cuts the answer short of its Content-Length', async () => {
    t.sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', kind: 'truncate' }]);
    await expect(t.call('POST', CREATE, newConn('truncated_conn'))).rejects.toThrow();
    expect(t.sim.control.stats().creates.enhancedConnections).toBe(1);
    const list = (await t.call('GET', `${CREATE}?name=truncated_conn`)).json as { count: number };
    expect(list.count).toBe(1);
    t.sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', kind: 'truncate' }]);
    const raw = await rawCall(t, 'POST', CREATE, newConn('truncated_two'));
    expect(raw.status).toBe(200);
    expect(raw.error).toBeDefined();
    expect(raw.contentLength).toBeGreaterThan(raw.received);
    expect(raw.received).toBe(Math.floor((raw.contentLength ?? 0) / 2));
  });

  it('non-json answers an HTML error page', async () => {
    t.sim.control.faults.replace([{ service: 'dws', kind: 'non-json' }]);
    const res = await t.call('GET', CLUSTERS);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<html>');
    expect(res.json).toBeUndefined();
  });

  it('result-failed makes the MRS update answer 200 {"result":"failed"} without changing anything', async () => {
    t.sim.control.faults.replace([{ kind: 'result-failed' }]);
    const list = (await t.call('GET', MRS)).json as { data_connectors: { connector_id: string; connector_name: string }[] };
    const first = list.data_connectors[0];
    const info = JSON.stringify({ db_name: 'd', user_name: 'u', rds_instance_id: 'r1' });
    const res = await t.call('PUT', `${MRS}/${first?.connector_id}`, {
      data_connector: { connector_name: 'changed-name', source_type: 'RDS_MYSQL', source_info: info },
    });
    expect([res.status, res.json]).toEqual([200, { result: 'failed' }]);
    expect(t.sim.control.stats().mutations['mrs.updateDataConnector']).toBe(0);
    // The rule only concerns the MRS update: other operations are untouched.
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
  });

  it('times: applies at most N times', async () => {
    t.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 500, times: 2 }]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.call('GET', CLUSTERS)).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
  });

  it('probability: fires on a fraction of requests, replayably for a seed', async () => {
    const run = async () => {
      t.sim.control.reset({ seed: 21 });
      t.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 500, probability: 0.5 }]);
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await t.call('GET', CLUSTERS)).status);
      return out;
    };
    const first = await run();
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(await run()).toEqual(first);
  });
});
