import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureStatusName } from '@dsc/api-types';
import { startTestSim } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';

interface Source {
  id: string;
  name: string;
  configure_status: unknown;
  fail_reason: string | null;
  user_name: string;
}
interface Job {
  job_id: string;
  status: string;
  failed_code: string | null;
  failed_detail: string | null;
  progress: number;
  end_time: string | null;
}

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 9, enhancedConnections: 10 });
});
afterAll(() => t.close());
beforeEach(() => t.sim.control.reset({ timing: { mode: 'reads', reads: 2 } }));

const clusterId = (name: string) => {
  const c = t.sim.control.inventory().dwsClusters.find((x) => x.name === name);
  if (!c) throw new Error(`no cluster ${name}`);
  return c.id;
};
const sourcesPath = (cid: string) => `/v1.0/{p}/clusters/${cid}/ext-data-sources`;

async function sources(cid: string): Promise<Source[]> {
  const res = await t.call('GET', sourcesPath(cid));
  expect(res.status, res.text).toBe(200);
  return (res.json as { data_sources: Source[] }).data_sources;
}

async function activeSource(cid: string): Promise<Source> {
  const s = (await sources(cid)).find((x) => configureStatusName(x.configure_status) === 'ACTIVE');
  if (!s) throw new Error('no ACTIVE source');
  return s;
}

async function job(id: string): Promise<Job> {
  const res = await t.call('GET', `/v1.0/{p}/job/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.json as Job;
}

describe('DWS seed', () => {
  it('lists ~6 clusters including FROZEN and CREATE_FAILED ones', async () => {
    const res = await t.call('GET', '/v1.0/{p}/clusters');
    const body = res.json as { clusters: { status: string; failed_reasons: unknown }[]; count: number };
    expect(body.count).toBe(body.clusters.length);
    const statuses = body.clusters.map((c) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['ACTIVE', 'FROZEN', 'CREATE_FAILED']));
    expect(body.clusters.find((c) => c.status === 'CREATE_FAILED')?.failed_reasons).toBeTruthy();
  });

  it('sends configure_status as numbers, numeric strings and names, across states incl. PENDING_REBOOT and FAILED', async () => {
    const all: Source[] = [];
    for (const c of t.sim.control.inventory().dwsClusters) {
      if (c.status !== 'CREATE_FAILED') all.push(...(await sources(c.id)));
    }
    const forms = new Set(all.map((s) => (typeof s.configure_status === 'number' ? 'number' : /^\d+$/.test(String(s.configure_status)) ? 'numeric' : 'name')));
    expect(forms).toEqual(new Set(['number', 'numeric', 'name']));
    const names = all.map((s) => configureStatusName(s.configure_status));
    expect(names).toEqual(expect.arrayContaining(['ACTIVE', 'PENDING_REBOOT', 'FAILED']));
    expect(names).not.toContain('UNKNOWN');
    const failed = all.filter((s) => configureStatusName(s.configure_status) === 'FAILED');
    expect(failed.every((s) => (s.fail_reason ?? '').length > 0)).toBe(true);
  });
});

describe('DWS reconfigure and jobs', () => {
  it('reconfigure returns a job that runs to SUCCESS; without reboot the source ends PENDING_REBOOT', async () => {
    const cid = clusterId('dws-prod-analytics');
    const s = await activeSource(cid);
    const res = await t.call('PUT', `${sourcesPath(cid)}/${s.id}`, { reconfigure: { reboot: false, agency: 'NewAgency' } });
    expect(res.status).toBe(200);
    const { job_id, data_source_id } = res.json as { job_id: string; data_source_id: string };
    expect(job_id).toMatch(/^[0-9a-f]{32}$/);
    expect(data_source_id).toBe(s.id);
    const running = await job(job_id);
    expect(running.status).toBe('RUNNING');
    expect(running.end_time).toBeNull();
    const done = await job(job_id);
    expect(done).toMatchObject({ status: 'SUCCESS', progress: 100, failed_code: null });
    const after = (await sources(cid)).find((x) => x.id === s.id);
    expect(configureStatusName(after?.configure_status)).toBe('PENDING_REBOOT');
    expect(after?.user_name).toBe('NewAgency');
  });

  it('with reboot the source ends ACTIVE', async () => {
    const cid = clusterId('dws-finance-dw');
    const s = await activeSource(cid);
    const { job_id } = (await t.call('PUT', `${sourcesPath(cid)}/${s.id}`, { reconfigure: { reboot: true } })).json as { job_id: string };
    await job(job_id);
    expect((await job(job_id)).status).toBe('SUCCESS');
    expect(configureStatusName((await sources(cid)).find((x) => x.id === s.id)?.configure_status)).toBe('ACTIVE');
  });

  it('an agency whose name contains "fail" makes the job FAIL with failed_code and failed_detail', async () => {
    const cid = clusterId('dws-prod-analytics');
    const s = await activeSource(cid);
    const { job_id } = (await t.call('PUT', `${sourcesPath(cid)}/${s.id}`, { reconfigure: { agency: 'agency_fail_1' } })).json as {
      job_id: string;
    };
    await job(job_id);
    const failed = await job(job_id);
    expect(failed.status).toBe('FAIL');
    expect(failed.failed_code).toBeTruthy();
    expect(failed.failed_detail).toContain('agency_fail_1');
    const after = (await sources(cid)).find((x) => x.id === s.id);
    expect(configureStatusName(after?.configure_status)).toBe('FAILED');
    expect(after?.fail_reason).toContain('agency_fail_1');
  });

  it('a source with a running job is busy: 409 in the nested error shape', async () => {
    const cid = clusterId('dws-prod-analytics');
    const s = await activeSource(cid);
    expect((await t.call('PUT', `${sourcesPath(cid)}/${s.id}`, { reconfigure: {} })).status).toBe(200);
    const busy = await t.call('PUT', `${sourcesPath(cid)}/${s.id}`, { reconfigure: {} });
    expect(busy.status).toBe(409);
    expect(busy.json).toMatchObject({ error: { code: 'DWS.0015' } });
  });

  it('a FROZEN cluster refuses changes (nested shape); reads answer flat errors', async () => {
    const frozen = clusterId('dws-archive-legacy');
    const res = await t.call('POST', sourcesPath(frozen), { type: 'OBS', data_source_name: 'x_obs', user_name: 'DWSAccessOBS' });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ error: { code: 'DWS.0015', message: expect.stringContaining('FROZEN') } });
    const missing = await t.call('GET', sourcesPath('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error_code: 'DWS.0004' });
    const noJob = await t.call('GET', '/v1.0/{p}/job/ffffffffffffffffffffffffffffffff');
    expect(noJob.status).toBe(404);
    expect(noJob.json).toMatchObject({ error_code: 'DWS.0004' });
  });

  it('create: 400 nested DWS.0001 for a bad body; otherwise CREATING then ACTIVE', async () => {
    const cid = clusterId('dws-staging');
    const bad = await t.call('POST', sourcesPath(cid), { type: 'OBS', data_source_name: 'bad', user_name: 'ab', description: 'a=b' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'DWS.0001' } });
    const res = await t.call('POST', sourcesPath(cid), { type: 'OBS', data_source_name: 'new_obs', user_name: 'DWSAccessOBS' });
    expect(res.status).toBe(200);
    const { id, job_id } = res.json as { id: string; job_id: string };
    expect(configureStatusName((await sources(cid)).find((x) => x.id === id)?.configure_status)).toBe('CREATING');
    expect((await job(job_id)).status).toBe('SUCCESS');
    expect(configureStatusName((await sources(cid)).find((x) => x.id === id)?.configure_status)).toBe('ACTIVE');
    expect(t.sim.control.stats().creates.extDataSources).toBe(1);
  });

  it('delete: DELETING while the job runs, gone after it succeeds', async () => {
    const cid = clusterId('dws-staging');
    const s = await activeSource(cid);
    const res = await t.call('DELETE', `${sourcesPath(cid)}/${s.id}`);
    expect(res.status).toBe(200);
    const { job_id } = res.json as { job_id: string };
    await job(job_id);
    expect((await job(job_id)).status).toBe('SUCCESS');
    expect((await sources(cid)).some((x) => x.id === s.id)).toBe(false);
    const again = await t.call('DELETE', `${sourcesPath(cid)}/${s.id}`);
    expect(again.status).toBe(404);
  });
});
