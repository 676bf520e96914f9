import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MASKED_PASSWORD,
  ReconfigureBody,
  UpdateDataConnectorBody,
  buildSourceInfo,
  configureStatusName,
  parseSourceInfo,
  type DataConnector,
  type DwsJob,
  type ExtDataSource,
} from '@dsc/api-types';
import type { RequestRecord } from 'cloud-sim';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

// Issue 5: what the simulator (standing in for MRS and DWS) receives for an MRS update and a DWS
// reconfigure is byte for byte the JSON of what the catalogue's schemas produce, and is signed.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(async () => {
  await fetch(`${h.sim.url}/_sim/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '[]' });
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What reached "upstream", read through the simulator's admin API as an outside test would. */
async function simRequests(): Promise<RequestRecord[]> {
  const r = await fetch(`${h.sim.url}/_sim/requests`);
  expect(r.status).toBe(200);
  return (await r.json()) as RequestRecord[];
}
async function clearSimRequests(): Promise<void> {
  expect((await fetch(`${h.sim.url}/_sim/requests`, { method: 'DELETE' })).status).toBe(204);
}
async function onlyUpstreamRequest(): Promise<RequestRecord> {
  const records = await simRequests();
  expect(records).toHaveLength(1);
  return records[0]!;
}

function expectSignedWire(up: RequestRecord, expectedBody: string) {
  expect(up.signature).toBe('ok');
  expect(up.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=[^,]+, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
  expect(up.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
  expect(up.headers['content-type']).toBe('application/json');
  expect(up.headers['content-length']).toBe(String(Buffer.byteLength(expectedBody)));
  expect(up.headers['transfer-encoding']).toBeUndefined();
  expect(up.bodySha256).toBe(sha256(expectedBody));
}

async function connectorNamed(name: string): Promise<DataConnector> {
  const res = await h.call('GET', `/api/mrs/data-connectors?connector_name=${encodeURIComponent(name)}&limit=10`);
  expect(res.status).toBe(200);
  const found = (res.json as { data_connectors: DataConnector[] }).data_connectors.find((c) => c.connector_name === name);
  if (!found) throw new Error(`no connector ${name}`);
  return found;
}

async function firstConnector(): Promise<DataConnector> {
  const res = await h.call('GET', '/api/mrs/data-connectors?limit=1&source_type=RDS_POSTGRES');
  expect(res.status).toBe(200);
  return (res.json as { data_connectors: DataConnector[] }).data_connectors[0]!;
}

describe('MRS update: the wire body is the catalogue’s', () => {
  it('an update without a password sends exactly JSON.stringify of the validated body, signed; the stored password is kept', async () => {
    const c = await firstConnector();
    const before = parseSourceInfo(c.source_info);
    expect(before.hasPassword).toBe(true);
    const source_info = buildSourceInfo({ db_name: 'orders_v2', user_name: 'etl_writer', rds_instance_id: before.rds_instance_id! });
    const body = { data_connector: { connector_name: `${c.connector_name}-e`, source_type: 'RDS_POSTGRES', source_info } };

    await clearSimRequests();
    const res = await h.call('PUT', `/api/mrs/data-connectors/${c.connector_id}`, { body });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ result: 'succeed' });

    const up = await onlyUpstreamRequest();
    expect(up.operation).toBe('mrs.updateDataConnector');
    expect(up.method).toBe('PUT');
    expect(up.path).toBe(`/v2/${h.sim.projectId}/data-connectors/${c.connector_id}`);
    const expected = JSON.stringify(UpdateDataConnectorBody.parse(body));
    // No password key at all: nothing to redact, so the log holds the exact bytes.
    expect(expected).toBe(
      `{"data_connector":{"connector_name":"${c.connector_name}-e","source_type":"RDS_POSTGRES","source_info":${JSON.stringify(source_info)}}}`,
    );
    expect(up.bodyRedacted).toBe(false);
    expect(up.bodyText).toBe(expected);
    expectSignedWire(up, expected);
    expect(res.headers.get('x-request-id')).toBe(up.requestId);

    const after = await connectorNamed(`${c.connector_name}-e`);
    expect(parseSourceInfo(after.source_info)).toEqual({
      db_name: 'orders_v2',
      user_name: 'etl_writer',
      rds_instance_id: before.rds_instance_id,
      hasPassword: true,
    });
  });

  it('a new password is sent inside source_info and signed; it shows in no log line or response', async () => {
    const c = await firstConnector();
    const info = parseSourceInfo(c.source_info);
    const password = 'N3w-Secret-7f3a';
    const body = {
      data_connector: {
        connector_name: c.connector_name,
        source_type: 'RDS_POSTGRES',
        source_info: buildSourceInfo({ db_name: info.db_name!, user_name: info.user_name!, password, rds_instance_id: info.rds_instance_id! }),
      },
    };
    await clearSimRequests();
    const res = await h.call('PUT', `/api/mrs/data-connectors/${c.connector_id}`, { body });
    expect(res.status, res.text).toBe(200);
    const up = await onlyUpstreamRequest();
    const expected = JSON.stringify(UpdateDataConnectorBody.parse(body));
    expect(JSON.parse((JSON.parse(expected) as UpdateDataConnectorBody).data_connector.source_info)).toMatchObject({ password });
    // The simulator's log redacts the password; the hash still proves the exact bytes.
    expect(up.bodyRedacted).toBe(true);
    expect(up.bodyText).not.toContain(password);
    expectSignedWire(up, expected);
    expect([...h.logs, ...h.responses].filter((l) => l.includes(password))).toEqual([]);
  });

  it.each([MASKED_PASSWORD, '**'])('the mask %s sent back as a password is refused 400, the field named, nothing sent upstream', async (mask) => {
    const c = await firstConnector();
    const info = parseSourceInfo(c.source_info);
    await clearSimRequests();
    const res = await h.call('PUT', `/api/mrs/data-connectors/${c.connector_id}`, {
      body: {
        data_connector: {
          connector_name: c.connector_name,
          source_type: c.source_type,
          source_info: JSON.stringify({ db_name: info.db_name, user_name: info.user_name, password: mask, rds_instance_id: info.rds_instance_id }),
        },
      },
    });
    const err = expectError(res, 400, 'VALIDATION');
    expect(Object.keys(err.fields ?? {})).toEqual(['data_connector.source_info.password']);
    expect(await simRequests()).toEqual([]);
  });

  it('an invalid inner field is refused with its path and nothing is sent', async () => {
    const c = await firstConnector();
    await clearSimRequests();
    const res = await h.call('PUT', `/api/mrs/data-connectors/${c.connector_id}`, {
      body: {
        data_connector: {
          connector_name: c.connector_name,
          source_type: c.source_type,
          source_info: JSON.stringify({ db_name: 'bad name!', user_name: 'u', rds_instance_id: 'r-1' }),
        },
      },
    });
    const err = expectError(res, 400, 'VALIDATION');
    expect(err.fields).toHaveProperty(['data_connector.source_info.db_name']);
    expect(await simRequests()).toEqual([]);
  });

  it('{"result":"failed"} with HTTP 200 becomes UPSTREAM_RESULT_FAILED with what upstream said and its request id', async () => {
    const c = await firstConnector();
    const info = parseSourceInfo(c.source_info);
    const fault = await fetch(`${h.sim.url}/_sim/faults`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ operation: 'mrs.updateDataConnector', kind: 'result-failed', times: 1 }]),
    });
    expect(fault.status).toBe(200);
    await clearSimRequests();
    const body = {
      data_connector: {
        connector_name: c.connector_name,
        source_type: c.source_type,
        source_info: buildSourceInfo({ db_name: 'never_saved', user_name: info.user_name!, rds_instance_id: info.rds_instance_id! }),
      },
    };
    const res = await h.call('PUT', `/api/mrs/data-connectors/${c.connector_id}`, { body });
    const err = expectError(res, 502, 'UPSTREAM_RESULT_FAILED');
    expect(err.upstream).toMatchObject({ status: 200 });
    expect(`${err.message} ${err.upstream?.message ?? ''}`).toContain('failed');
    const up = await onlyUpstreamRequest();
    expectSignedWire(up, JSON.stringify(UpdateDataConnectorBody.parse(body)));
    expect(err.requestId).toBe(up.requestId);
    // The fault answered before the handler: nothing was stored.
    expect(parseSourceInfo((await connectorNamed(c.connector_name)).source_info).db_name).toBe(info.db_name);
  });
});

async function activeClusterSource(): Promise<{ clusterId: string; source: ExtDataSource }> {
  const clusters = (await h.call('GET', '/api/dws/clusters')).json as { clusters: { id: string; status: string }[] };
  for (const c of clusters.clusters.filter((x) => x.status === 'ACTIVE')) {
    const res = await h.call('GET', `/api/dws/clusters/${c.id}/ext-data-sources`);
    const source = (res.json as { data_sources: ExtDataSource[] }).data_sources.find((s) =>
      ['ACTIVE', 'PENDING_REBOOT'].includes(configureStatusName(s.configure_status)),
    );
    if (source) return { clusterId: c.id, source };
  }
  throw new Error('no changeable data source');
}

async function job(jobId: string): Promise<DwsJob> {
  const res = await h.call('GET', `/api/dws/jobs/${jobId}`);
  expect(res.status, res.text).toBe(200);
  return res.json as DwsJob;
}

describe('DWS reconfigure: the wire body is the catalogue’s', () => {
  it('sends exactly JSON.stringify of ReconfigureBody, signed, and the job it returns is followed to SUCCESS', async () => {
    const { clusterId, source } = await activeClusterSource();
    // Keys in the "wrong" order on purpose: upstream gets the validated body's serialisation.
    const body = { reconfigure: { agency: 'DWSAccessOBS', reboot: false } };
    await clearSimRequests();
    const res = await h.call('PUT', `/api/dws/clusters/${clusterId}/ext-data-sources/${source.id}`, { body });
    expect(res.status, res.text).toBe(200);
    const { job_id } = res.json as { job_id: string };
    expect(job_id).toMatch(/^[0-9a-f]{32}$/);

    const up = await onlyUpstreamRequest();
    expect(up.operation).toBe('dws.reconfigureExtDataSource');
    expect(up.path).toBe(`/v1.0/${h.sim.projectId}/clusters/${clusterId}/ext-data-sources/${source.id}`);
    const expected = JSON.stringify(ReconfigureBody.parse(body));
    expect(expected).toBe('{"reconfigure":{"reboot":false,"agency":"DWSAccessOBS"}}');
    expect(up.bodyText).toBe(expected);
    expectSignedWire(up, expected);

    expect(await job(job_id)).toMatchObject({ job_id, status: 'SUCCESS', progress: 100 });
    const after = (await h.call('GET', `/api/dws/clusters/${clusterId}/ext-data-sources`)).json as { data_sources: ExtDataSource[] };
    const changed = after.data_sources.find((s) => s.id === source.id)!;
    // Without a reboot the change waits for the next restart.
    expect(configureStatusName(changed.configure_status)).toBe('PENDING_REBOOT');
    expect(changed.user_name).toBe('DWSAccessOBS');
  });

  it('with reboot the body says so; an agency the simulator fails gives a FAIL job with its code and detail', async () => {
    const { clusterId, source } = await activeClusterSource();
    const body = { reconfigure: { reboot: true, agency: 'fail_agency' } };
    await clearSimRequests();
    const res = await h.call('PUT', `/api/dws/clusters/${clusterId}/ext-data-sources/${source.id}`, { body });
    expect(res.status, res.text).toBe(200);
    const up = await onlyUpstreamRequest();
    expect(up.bodyText).toBe('{"reconfigure":{"reboot":true,"agency":"fail_agency"}}');
    expectSignedWire(up, JSON.stringify(ReconfigureBody.parse(body)));
    const failed = await job((res.json as { job_id: string }).job_id);
    expect(failed.status).toBe('FAIL');
    expect(failed.failed_code).toBe('DWS.6110');
    expect(failed.failed_detail).toContain('fail_agency');
  });

  it('a malformed reconfigure body is refused 400 with its field named, and nothing is sent', async () => {
    const { clusterId, source } = await activeClusterSource();
    await clearSimRequests();
    const res = await h.call('PUT', `/api/dws/clusters/${clusterId}/ext-data-sources/${source.id}`, {
      body: { reconfigure: { reboot: 'yes', agency: 'bad agency!' } },
    });
    const err = expectError(res, 400, 'VALIDATION');
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(['reconfigure.agency', 'reconfigure.reboot']);
    expect(await simRequests()).toEqual([]);
  });
});

describe('secrets', () => {
  it('no log line or response of this run holds the SK, the security token or SESSION_SECRET', () => {
    expect(secretsSeen(h)).toEqual([]);
  });
});
