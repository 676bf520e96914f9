import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSourceInfo,
  catalogue,
  operationIds,
  queueUsableForEnhanced,
  upstreamPath,
  type OperationId,
  type Queue,
} from '@dsc/api-types';
import type { RequestRecord } from 'cloud-sim';
import { secretsSeen, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The one request the last BFF call sent upstream. */
function lastUpstream(): RequestRecord {
  const records = h.sim.control.requests();
  const last = records[records.length - 1];
  if (!last) throw new Error('nothing reached the simulator');
  return last;
}

const exercised = new Set<OperationId>();

/**
 * Calls one catalogue operation through the BFF and checks what reached upstream: the right
 * operation and path, a valid signature, and body bytes equal to the JSON of the validated body.
 */
async function roundTrip(id: OperationId, params: Record<string, string>, opts: { query?: Record<string, string>; body?: unknown } = {}) {
  const def = catalogue[id];
  const bffPath = def.path.replace(/:([a-z_]+)/g, (_, n: string) => encodeURIComponent(params[n]!));
  const qs = opts.query ? `?${new URLSearchParams(opts.query)}` : '';
  h.sim.control.clearRequests();
  const res = await h.call(def.method, bffPath + qs, opts.body !== undefined ? { body: opts.body } : {});
  expect(res.status, `${id}: ${res.text}`).toBe(def.successStatus);

  const up = lastUpstream();
  expect(h.sim.control.requests()).toHaveLength(1);
  expect(up.operation).toBe(id);
  expect(up.signature).toBe('ok');
  expect(up.method).toBe(def.method);
  expect(up.path).toBe(upstreamPath(def, params, h.sim.projectId));
  expect(up.query).toEqual(opts.query ?? {});
  const expectedBody = def.body ? JSON.stringify(def.body.parse(opts.body)) : '';
  // The simulator's log masks passwords in bodies; the hash is always of the exact bytes.
  if (!up.bodyRedacted) expect(up.bodyText).toBe(expectedBody);
  expect(up.bodySha256).toBe(createHash('sha256').update(expectedBody).digest('hex'));
  if (def.body) expect(up.headers['content-length']).toBe(String(Buffer.byteLength(expectedBody)));
  expect(up.headers['transfer-encoding']).toBeUndefined();
  // The upstream's request id comes back to the browser.
  expect(res.headers.get('x-request-id')).toBe(up.requestId);
  exercised.add(id);
  return res;
}

describe('every catalogue operation round-trips through the BFF', () => {
  it('DLI enhanced connections: list, create, get, replace hosts, bind, unbind, delete', async () => {
    const list = await roundTrip('dli.listEnhancedConnections', {}, { query: { limit: '5', offset: '0', status: 'ACTIVE' } });
    expect((list.json as { connections: unknown[] }).connections.length).toBeLessThanOrEqual(5);

    const queues = await roundTrip('dli.listQueues', {}, { query: { queue_type: 'all' } });
    const usable = (queues.json as { queues: Queue[] }).queues.find((q) => queueUsableForEnhanced(q).usable);
    expect(usable).toBeDefined();

    // Keys out of schema order and padded with whitespace: upstream gets the validated body's JSON.
    const created = await roundTrip('dli.createEnhancedConnection', {}, {
      body: {
        hosts: [{ ip: '10.0.0.10', name: 'db_primary' }],
        dest_network_id: 'subnet-0001',
        dest_vpc_id: 'vpc-0001',
        name: 'bff_round_trip',
      },
    });
    const connectionId = (created.json as { connection_id: string }).connection_id;
    expect(connectionId).toBeTruthy();
    expect(lastUpstream().bodyText.startsWith('{"name":"bff_round_trip"')).toBe(true);

    await roundTrip('dli.getEnhancedConnection', { connection_id: connectionId });
    await roundTrip('dli.replaceHosts', { connection_id: connectionId }, {
      body: { hosts: [{ name: 'db_primary', ip: '10.0.0.11' }, { name: 'db_replica', ip: '10.0.0.12' }] },
    });
    await roundTrip('dli.associateQueue', { connection_id: connectionId }, { body: { queues: [usable!.queue_name] } });
    await roundTrip('dli.disassociateQueue', { connection_id: connectionId }, { body: { queues: [usable!.queue_name] } });
    await roundTrip('dli.deleteEnhancedConnection', { connection_id: connectionId });
  });

  it('DLI routes, authorisations and connectivity tests', async () => {
    const created = await roundTrip('dli.createEnhancedConnection', {}, {
      body: { name: 'bff_round_trip_net', dest_vpc_id: 'vpc-0002', dest_network_id: 'subnet-0002', queues: ['spark_etl_prod'] },
    });
    const connection_id = (created.json as { connection_id: string }).connection_id;
    await roundTrip('dli.createRoute', { connection_id }, { body: { cidr: '172.16.0.0/16', name: 'rt_one' } });
    await roundTrip('dli.deleteRoute', { connection_id, route_name: 'rt_one' });
    await roundTrip('dli.authorizeConnection', {}, {
      body: {
        privileges: [{ object: `edsconnections.${connection_id}`, privileges: ['BIND_QUEUE'] }],
        action: 'grant',
        projectId: '330e068af1334c9782f4226acc00a2e2',
      },
    });
    await roundTrip('dli.listConnectionPrivileges', { connection_id });
    const started = await roundTrip('dli.startConnectionTest', { queue_name: 'spark_etl_prod' }, { body: { address: '172.16.0.9:22' } });
    const { task_id } = catalogue['dli.startConnectionTest'].response.parse(started.json);
    await roundTrip('dli.getConnectionTest', { queue_name: 'spark_etl_prod', task_id });
  });

  it('DLI basic connection', async () => {
    const basic = h.sim.control.inventory().basicConnections[0]!;
    const res = await roundTrip('dli.getBasicConnection', { connection_id: basic.connection_id });
    expect((res.json as { name: string }).name).toBe(basic.name);
  });

  it('MRS data connectors: list, create, update, delete', async () => {
    await roundTrip('mrs.listDataConnectors', {}, { query: { limit: '10' } });
    const sourceInfo = buildSourceInfo({ db_name: 'sales', user_name: 'etl', password: 'Pa55-word!', rds_instance_id: 'rds-0001' });
    const created = await roundTrip('mrs.createDataConnector', {}, {
      body: { data_connector: { connector_name: 'bff-round-trip', source_type: 'RDS_MYSQL', source_info: sourceInfo } },
    });
    expect(created.status).toBe(201);
    const connectorId = (created.json as { connector_id: string }).connector_id;
    const updated = await roundTrip('mrs.updateDataConnector', { connector_id: connectorId }, {
      body: {
        data_connector: {
          connector_name: 'bff-round-trip-2',
          source_type: 'RDS_MYSQL',
          source_info: buildSourceInfo({ db_name: 'sales', user_name: 'etl', rds_instance_id: 'rds-0001' }),
        },
      },
    });
    expect(updated.json).toMatchObject({ result: expect.stringMatching(/^succeed/) });
    await roundTrip('mrs.deleteDataConnector', { connector_id: connectorId });
  });

  it('DWS: clusters, external data sources, reconfigure, delete, job', async () => {
    const clusters = await roundTrip('dws.listClusters', {});
    const active = (clusters.json as { clusters: { id: string; status: string }[] }).clusters.find((c) => c.status === 'ACTIVE');
    expect(active).toBeDefined();
    const clusterId = active!.id;

    await roundTrip('dws.listExtDataSources', { cluster_id: clusterId });
    const created = await roundTrip('dws.createExtDataSource', { cluster_id: clusterId }, {
      body: { type: 'OBS', data_source_name: 'bff_obs_source', user_name: 'dws_obs_agency', description: 'round trip' },
    });
    const { id: sourceId, job_id: jobId } = created.json as { id: string; job_id: string };
    await roundTrip('dws.getJob', { job_id: jobId });
    await roundTrip('dws.reconfigureExtDataSource', { cluster_id: clusterId, ext_data_source_id: sourceId }, {
      body: { reconfigure: { reboot: false } },
    });
    await roundTrip('dws.deleteExtDataSource', { cluster_id: clusterId, ext_data_source_id: sourceId });
  });

  it('covered the whole catalogue', () => {
    expect(operationIds.filter((id) => !exercised.has(id))).toEqual([]);
  });
});

describe('what reaches upstream is only what the BFF builds', () => {
  it('client Authorization, X-Sdk-Date, X-Project-Id, Cookie, X-Forwarded-For and friends never reach upstream', async () => {
    h.sim.control.clearRequests();
    const res = await h.call('GET', '/api/dws/clusters', {
      headers: {
        authorization: 'SDK-HMAC-SHA256 Access=CLIENTAK, SignedHeaders=host, Signature=00',
        'x-sdk-date': '20200101T000000Z',
        'x-project-id': 'ffffffffffffffffffffffffffffffff',
        'x-security-token': 'client-token',
        cookie: `sid=abc; dsc_session=${h.cookie!}`,
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-host': 'evil.example.com',
        origin: 'http://127.0.0.1',
        referer: 'http://127.0.0.1/clusters',
        'x-custom': 'nope',
      },
    });
    expect(res.status).toBe(200);
    const up = lastUpstream();
    expect(up.signature).toBe('ok');
    expect(up.headers.authorization).not.toContain('CLIENTAK');
    expect(up.headers['x-sdk-date']).not.toBe('20200101T000000Z');
    expect(up.headers['x-security-token']).not.toBeUndefined();
    const names = Object.keys(up.headers).sort();
    expect(names).toEqual(
      ['accept', 'accept-language', 'authorization', 'connection', 'content-type', 'host', 'x-sdk-date', 'x-security-token'].sort(),
    );
    expect(up.headers.host).toBe(new URL(h.sim.url).host);
  });

  it('the query string is rebuilt from the validated query', async () => {
    h.sim.control.clearRequests();
    const res = await h.call('GET', '/api/dli/enhanced-connections?name=a%20b&limit=3');
    expect(res.status).toBe(200);
    expect(lastUpstream().query).toEqual({ name: 'a b', limit: '3' });
  });
});

describe('answers are compressed when it is worth it', () => {
  it('a large answer goes out compressed as the browser asks; a small one as it came, with its length', async () => {
    for (const encoding of ['gzip', 'br']) {
      const list = await h.call('GET', '/api/dli/enhanced-connections?limit=100', { headers: { 'accept-encoding': encoding } });
      expect(list.status, list.text).toBe(200);
      expect(list.headers.get('content-encoding')).toBe(encoding);
      expect(list.headers.get('vary')).toContain('Accept-Encoding');
      expect((list.json as { connections: unknown[] }).connections.length).toBeGreaterThan(10);
    }
    const basic = h.sim.control.inventory().basicConnections[0]!;
    const one = await h.call('GET', `/api/dli/basic-connections/${basic.connection_id}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(one.status, one.text).toBe(200);
    expect(Buffer.byteLength(one.text)).toBeLessThan(1024);
    expect(one.headers.get('content-encoding')).toBeNull();
    expect(one.headers.get('content-length')).toBe(String(Buffer.byteLength(one.text)));
  });
});

describe('secrets', () => {
  it('no log line or response of this run holds the SK, the security token or SESSION_SECRET', () => {
    expect(h.logs.length).toBeGreaterThan(10);
    expect(secretsSeen(h)).toEqual([]);
  });
});
