import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, operationIds } from '@dsc/api-types';
import { expressPath } from './routes.ts';
import { idsFromApi } from './testing/sample-ids.ts';
import { sampleRequests } from './testing/sample-requests.ts';
import type { SampleIds } from './testing/sample-requests.ts';
import { startTestSim } from './testing/signed-client.ts';
import type { TestSim } from './testing/signed-client.ts';

let t: TestSim;
let ids: SampleIds;

beforeAll(async () => {
  t = await startTestSim({ seed: 11, enhancedConnections: 80 });
  ids = await idsFromApi(t);
});
afterAll(() => t.close());

function pathFor(upstream: string, params: Record<string, string>): string {
  return upstream.replace(/\{([a-z_]+)\}/g, (_, name: string) => (name === 'project_id' ? '{p}' : encodeURIComponent(params[name] ?? '')));
}

describe('routes built from the catalogue', () => {
  it('converts {x} placeholders to :x', () => {
    expect(expressPath('/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources')).toBe(
      '/v1.0/:project_id/clusters/:cluster_id/ext-data-sources',
    );
  });

  it('gives every operation its own method and path, so one server serves all three services', () => {
    const keys = operationIds.map((id) => `${catalogue[id].method} ${expressPath(catalogue[id].upstream)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(operationIds)('%s round-trips over signed HTTP', async (id) => {
    t.sim.control.reset({ seed: 11, enhancedConnections: 80 });
    const op = catalogue[id];
    const sample = sampleRequests(ids)[id];
    const qs = sample.query ? `?${new URLSearchParams(sample.query).toString()}` : '';
    const res = await t.call(op.method, pathFor(op.upstream, sample.params) + qs, sample.body);
    expect(res.status, res.text).toBe(op.successStatus);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    if (res.text !== '') expect(op.response.safeParse(res.json).success).toBe(true);
    const [last] = t.sim.control.requests(1);
    expect(last?.operation).toBe(id);
    expect(last?.signature).toBe('ok');
    expect(last?.status).toBe(op.successStatus);
  });

  it('answers an unknown path like the gateway (404 APIGW.0101 with request_id)', async () => {
    const res = await t.call('GET', '/v2.0/{p}/no-such-api');
    expect(res.status).toBe(404);
    const body = res.json as { error_code: string; request_id: string };
    expect(body.error_code).toBe('APIGW.0101');
    expect(body.request_id).toBe(res.headers.get('x-request-id'));
  });

  it('refuses another project id with 401 APIGW.0301', async () => {
    t.sim.control.reset({ seed: 11, enhancedConnections: 80 });
    const res = await t.call('GET', '/v1.0/ffffffffffffffffffffffffffffffff/clusters');
    expect(res.status).toBe(401);
    expect((res.json as { error_code: string }).error_code).toBe('APIGW.0301');
    expect(t.sim.control.stats().requests['dws.listClusters']).toBe(1);
  });
});
