import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MASKED_PASSWORD, MRS_SOURCE_TYPES } from '@dsc/api-types';
import { createPrng } from '../prng.ts';
import { MrsConnectors } from '../state/mrs-state.ts';
import type { DataConnectorRec } from '../state/mrs-state.ts';
import { startTestSim } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';

const BASE = '/v2/{p}/data-connectors';
interface Item {
  connector_id: string;
  connector_name: string;
  source_type: string;
  source_info: string;
  status: number;
}
interface ListBody {
  total_count: number;
  data_connectors: Item[];
}

const info = (password?: string) =>
  JSON.stringify({ db_name: 'orders', user_name: 'etl_user', ...(password === undefined ? {} : { password }), rds_instance_id: 'abc123in01' });
const connector = (name: string, password?: string) => ({
  data_connector: { connector_name: name, source_type: 'RDS_MYSQL' as const, source_info: info(password) },
});

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 5, enhancedConnections: 10 });
});
afterAll(() => t.close());
beforeEach(() => t.sim.control.reset());

async function list(q = ''): Promise<ListBody> {
  const res = await t.call('GET', `${BASE}${q}`);
  expect(res.status, res.text).toBe(200);
  return res.json as ListBody;
}

describe('MRS data connectors over HTTP', () => {
  it('lists ~40 connectors of all three source types with the password masked', async () => {
    const body = await list();
    expect(body.total_count).toBe(40);
    expect(new Set(body.data_connectors.map((c) => c.source_type))).toEqual(new Set(MRS_SOURCE_TYPES));
    for (const c of body.data_connectors) expect(JSON.parse(c.source_info).password).toBe(MASKED_PASSWORD);
  });

  it('filters by source_type, name substring, id and availability, and pages', async () => {
    const pg = await list('?source_type=RDS_POSTGRES');
    expect(pg.data_connectors.every((c) => c.source_type === 'RDS_POSTGRES')).toBe(true);
    const [first] = (await list()).data_connectors;
    expect((await list(`?connector_id=${first?.connector_id}`)).data_connectors.map((c) => c.connector_id)).toEqual([first?.connector_id]);
    const byName = await list('?connector_name=TAURUS');
    expect(byName.total_count).toBeGreaterThan(0);
    expect(byName.data_connectors.every((c) => c.connector_name.includes('taurus'))).toBe(true);
    const avail = await list('?available=true');
    const unavail = await list('?available=false');
    expect(avail.total_count + unavail.total_count).toBe(40);
    const page = await list('?limit=5&offset=5');
    expect(page.data_connectors).toHaveLength(5);
    expect(page.total_count).toBe(40);
    const bad = await t.call('GET', `${BASE}?limit=0`);
    expect([bad.status, (bad.json as { error_code: string }).error_code]).toEqual([400, 'MRS.0001']);
  });

  it('update answers {"result":"succeed"} and changes what is listed', async () => {
    const [first] = (await list()).data_connectors;
    const res = await t.call('PUT', `${BASE}/${first?.connector_id}`, connector('renamed-one'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ result: 'succeed' });
    const after = await list(`?connector_id=${first?.connector_id}`);
    expect(after.data_connectors[0]?.connector_name).toBe('renamed-one');
    expect(t.sim.control.stats().mutations['mrs.updateDataConnector']).toBe(1);
  });

  it('refuses the masked password with 400 and changes nothing', async () => {
    const [first] = (await list()).data_connectors;
    const res = await t.call('PUT', `${BASE}/${first?.connector_id}`, connector('masked-try', MASKED_PASSWORD));
    expect(res.status).toBe(400);
    expect((res.json as { error_code: string; error_msg: string }).error_code).toBe('MRS.0001');
    expect((res.json as { error_msg: string }).error_msg).toContain('password');
    expect((await list(`?connector_id=${first?.connector_id}`)).data_connectors[0]?.connector_name).toBe(first?.connector_name);
    expect(t.sim.control.stats().mutations['mrs.updateDataConnector']).toBe(0);
  });

  it('creates (201), refuses a duplicate name (409) and a create without password (400)', async () => {
    const res = await t.call('POST', BASE, connector('brand-new', 'S3cret-pw'));
    expect(res.status).toBe(201);
    const id = (res.json as { connector_id: string }).connector_id;
    expect((await list(`?connector_id=${id}`)).total_count).toBe(1);
    const dup = await t.call('POST', BASE, connector('brand-new', 'x-pw'));
    expect([dup.status, (dup.json as { error_code: string }).error_code]).toEqual([409, 'MRS.0003']);
    const nopw = await t.call('POST', BASE, connector('no-password'));
    expect([nopw.status, (nopw.json as { error_code: string }).error_code]).toEqual([400, 'MRS.0001']);
  });

  it('deletes with an empty 200 answer; a second delete is 404 MRS.0002', async () => {
    const [first] = (await list()).data_connectors;
    const res = await t.call('DELETE', `${BASE}/${first?.connector_id}`);
    expect([res.status, res.text]).toEqual([200, '']);
    expect((await list()).total_count).toBe(39);
    const again = await t.call('DELETE', `${BASE}/${first?.connector_id}`);
    expect([again.status, (again.json as { error_code: string }).error_code]).toEqual([404, 'MRS.0002']);
  });

  it('never sends a stored password back', async () => {
    const created = await t.call('POST', BASE, connector('pw-check', 'Visible-If-Leaked-42'));
    expect(created.status).toBe(201);
    expect((await t.call('GET', `${BASE}?limit=1000`)).text).not.toContain('Visible-If-Leaked-42');
  });
});

describe('MRS password keeping (state level, where the stored password is observable)', () => {
  function fixture() {
    const recs: DataConnectorRec[] = [];
    const mrs = new MrsConnectors(recs, { now: () => 1_700_000_000_000, timing: { mode: 'immediate' } }, createPrng(1), 'tenant');
    const id = mrs.create(connector('keeper', 'Original-pw').data_connector);
    return { recs, mrs, id };
  }

  it('keeps the stored password when source_info leaves it out', () => {
    const { recs, mrs, id } = fixture();
    mrs.update(id, { ...connector('keeper-2').data_connector, source_info: info() });
    expect(recs[0]?.sourceInfo.password).toBe('Original-pw');
    expect(recs[0]?.connector_name).toBe('keeper-2');
  });

  it('replaces it when a new one is given, and refuses the mask', () => {
    const { recs, mrs, id } = fixture();
    mrs.update(id, connector('keeper', 'New-pw').data_connector);
    expect(recs[0]?.sourceInfo.password).toBe('New-pw');
    expect(() => mrs.update(id, connector('keeper', '*****').data_connector)).toThrow(/masked/);
    expect(recs[0]?.sourceInfo.password).toBe('New-pw');
  });
});
