import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditPage,
  bffPath,
  buildSourceInfo,
  catalogue,
  isMutating,
  operationIds,
  queueUsableForEnhanced,
  type AuditEntry,
  type OperationId,
  type Queue,
} from '@dsc/api-types';
import {
  expectError,
  secretsSeen,
  startHarness,
  type ApiResponse,
  type Harness,
} from './harness.ts';

const AUDIT_DELAY_MS = 250;
let h: Harness;
let viewer: string;
let admin: string;
beforeAll(async () => {
  h = await startHarness({
    signInAs: 'operator',
    // Slow audit writes: an answer sent before its line is written would arrive before the line.
    wrapAudit: (log) => ({
      ...log,
      append: async (entry) => {
        await new Promise((r) => setTimeout(r, AUDIT_DELAY_MS));
        await log.append(entry);
      },
    }),
  });
  viewer = (await h.signIn('viewer')).cookie!;
  admin = (await h.signIn('admin')).cookie!;
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.sim.control.faults.replace([]);
});

/** The last line of the audit file, read right as the response arrived (before anything else). */
function lastLine(): AuditEntry {
  const lines = readFileSync(h.auditLogFile, 'utf8').split('\n').filter(Boolean);
  return JSON.parse(lines[lines.length - 1]!) as AuditEntry;
}

async function callAndReadLine(
  method: string,
  path: string,
  opts: Parameters<Harness['call']>[2] = {},
): Promise<{ res: ApiResponse; line: AuditEntry; ms: number }> {
  const before = readFileSync(h.auditLogFile, 'utf8').split('\n').filter(Boolean).length;
  const started = performance.now();
  const res = await h.call(method, path, opts);
  const line = lastLine();
  const ms = performance.now() - started;
  expect(
    readFileSync(h.auditLogFile, 'utf8').split('\n').filter(Boolean).length,
    'one new line',
  ).toBe(before + 1);
  return { res, line, ms };
}

const mutating = operationIds.filter((id) => isMutating(catalogue[id].method));
const audited = {
  success: new Set<OperationId>(),
  failure: new Set<OperationId>(),
  invalid: new Set<OperationId>(),
};

async function run(id: OperationId, params: Record<string, string>, body?: unknown) {
  const def = catalogue[id];
  const r = await callAndReadLine(
    def.method,
    bffPath(def, params),
    body !== undefined ? { body } : {},
  );
  expect(r.ms, 'the answer waited for the audit line').toBeGreaterThanOrEqual(AUDIT_DELAY_MS - 5);
  return r;
}

/** A queue an enhanced connection may bind, from the simulator's seed. */
async function usableQueueName(): Promise<string> {
  const { queues } = (await h.call('GET', '/api/dli/queues?queue_type=all')).json as { queues: Queue[] };
  return queues.find((q) => queueUsableForEnhanced(q).usable)!.queue_name;
}

/** A successful change's line: who, what, which, outcome, what the cloud said. */
async function expectSuccessLine(
  id: OperationId,
  params: Record<string, string>,
  body?: unknown,
  /** What a create's line must say it made, from the create's answer. */
  created?: (answer: Record<string, string>) => Record<string, string | undefined>,
): Promise<ApiResponse> {
  const { res, line } = await run(id, params, body);
  expect(res.status, res.text).toBe(catalogue[id].successStatus);
  const up = h.sim.control.requests().at(-1)!;
  expect(line).toEqual({
    time: expect.any(String),
    requestId: expect.any(String),
    user: 'otto',
    role: 'operator',
    sourceAddress: expect.stringMatching(/127\.0\.0\.1$/),
    operation: id,
    target: 'default',
    targetIds: params,
    ...(created ? { created: created(res.json as Record<string, string>) } : {}),
    outcome: 'success',
    httpStatus: catalogue[id].successStatus,
    upstream: { status: catalogue[id].successStatus, requestId: up.requestId },
  });
  expect(res.headers.get('x-request-id')).toBe(up.requestId);
  audited.success.add(id);
  return res;
}

describe('every mutating operation is audited', () => {
  it('on success: DLI', async () => {
    const queue = await usableQueueName();
    const created = await expectSuccessLine(
      'dli.createEnhancedConnection',
      {},
      {
        name: 'audited_conn',
        dest_vpc_id: 'vpc-0001',
        dest_network_id: 'subnet-0001',
        hosts: [{ name: 'db', ip: '10.0.0.10' }],
      },
      (a) => ({ id: a.connection_id, name: 'audited_conn' }),
    );
    const connection_id = (created.json as { connection_id: string }).connection_id;
    await expectSuccessLine(
      'dli.replaceHosts',
      { connection_id },
      { hosts: [{ name: 'db', ip: '10.0.0.11' }] },
    );
    await expectSuccessLine('dli.associateQueue', { connection_id }, { queues: [queue] });
    await expectSuccessLine('dli.disassociateQueue', { connection_id }, { queues: [queue] });
    await expectSuccessLine('dli.deleteEnhancedConnection', { connection_id });
  });

  it("on success: the doctor's changes (routes, sharing, connectivity tests)", async () => {
    const queue_name = await usableQueueName();
    const created = await expectSuccessLine(
      'dli.createEnhancedConnection',
      {},
      { name: 'audited_doctor', dest_vpc_id: 'vpc-0001', dest_network_id: 'subnet-0001' },
      (a) => ({ id: a.connection_id, name: 'audited_doctor' }),
    );
    const connection_id = (created.json as { connection_id: string }).connection_id;
    await expectSuccessLine('dli.createRoute', { connection_id }, { name: 'audited_route', cidr: '10.9.0.0/16' }, () => ({
      name: 'audited_route',
    }));
    await expectSuccessLine('dli.deleteRoute', { connection_id, route_name: 'audited_route' });
    await expectSuccessLine('dli.authorizeConnection', {}, validBodies['dli.authorizeConnection'](connection_id));
    await expectSuccessLine('dli.startConnectionTest', { queue_name }, { address: '10.0.0.10:3306' });
    await expectSuccessLine('dli.deleteEnhancedConnection', { connection_id });
  });

  it('on success: MRS and DWS', async () => {
    const created = await expectSuccessLine(
      'mrs.createDataConnector',
      {},
      {
        data_connector: {
          connector_name: 'audited-connector',
          source_type: 'RDS_MYSQL',
          source_info: buildSourceInfo({
            db_name: 'sales',
            user_name: 'etl',
            password: 'Connector-Pa55!',
            rds_instance_id: 'rds-0001',
          }),
        },
      },
      (a) => ({ id: a.connector_id, name: 'audited-connector' }),
    );
    const connector_id = (created.json as { connector_id: string }).connector_id;
    await expectSuccessLine(
      'mrs.updateDataConnector',
      { connector_id },
      {
        data_connector: {
          connector_name: 'audited-connector-2',
          source_type: 'RDS_MYSQL',
          source_info: buildSourceInfo({
            db_name: 'sales',
            user_name: 'etl',
            rds_instance_id: 'rds-0001',
          }),
        },
      },
    );
    await expectSuccessLine('mrs.deleteDataConnector', { connector_id });
    // The connector's database password is a body field: it is not in the audit trail.
    expect(readFileSync(h.auditLogFile, 'utf8')).not.toContain('Connector-Pa55!');

    const cluster_id = h.sim.control.inventory().dwsClusters.find((c) => c.status === 'ACTIVE')!.id;
    const source = await expectSuccessLine(
      'dws.createExtDataSource',
      { cluster_id },
      {
        type: 'OBS',
        data_source_name: 'audited_obs',
        user_name: 'dws_obs_agency',
      },
      (a) => ({ id: a.id, name: 'audited_obs' }),
    );
    const ext_data_source_id = (source.json as { id: string }).id;
    await expectSuccessLine(
      'dws.reconfigureExtDataSource',
      { cluster_id, ext_data_source_id },
      { reconfigure: { reboot: false } },
    );
    await expectSuccessLine('dws.deleteExtDataSource', { cluster_id, ext_data_source_id });
  });

  it.each(mutating)('on upstream failure: %s', async (id) => {
    const def = catalogue[id];
    h.sim.control.faults.replace([
      { operation: id, status: 409, errorCode: 'TEST.0409', errorMessage: 'resource is busy' },
    ]);
    const params = Object.fromEntries(
      [...def.path.matchAll(/:([a-z_]+)/g)].map((m) => [m[1]!, 'target-1']),
    );
    const valid = (validBodies as Partial<Record<OperationId, unknown>>)[id];
    const body = def.body ? (typeof valid === 'function' ? valid('target-1') : valid) : undefined;
    const { res, line } = await run(id, params, body);
    expectError(res, 409, 'UPSTREAM_ERROR');
    const up = h.sim.control.requests().at(-1)!;
    expect(up.operation).toBe(id);
    expect(line).toMatchObject({
      user: 'otto',
      operation: id,
      targetIds: params,
      outcome: 'failure',
      httpStatus: 409,
      errorCode: 'UPSTREAM_ERROR',
      upstream: { status: 409, code: 'TEST.0409', requestId: up.requestId },
    });
    // A refused create still names what it tried to make; nothing was made, so no id.
    if (id === 'dws.createExtDataSource') expect(line.created).toEqual({ name: 'fail_obs' });
    audited.failure.add(id);
  });

  it.each(mutating)('on validation failure: %s', async (id) => {
    const def = catalogue[id];
    const params = Object.fromEntries(
      [...def.path.matchAll(/:([a-z_]+)/g)].map((m) => [m[1]!, 'target-1']),
    );
    h.sim.control.clearRequests();
    // A body the schema refuses; operations without a body get one they must refuse.
    const { res, line } = await run(id, params, def.body ? { nonsense: true } : { force: true });
    expectError(res, 400, 'VALIDATION');
    expect(h.sim.control.requests()).toHaveLength(0);
    expect(line).toMatchObject({
      user: 'otto',
      operation: id,
      targetIds: params,
      outcome: 'invalid',
      httpStatus: 400,
      errorCode: 'VALIDATION',
    });
    expect(line.upstream).toBeUndefined();
    expect(line.requestId).toBe(res.headers.get('x-request-id'));
    audited.invalid.add(id);
  });

  it('covered every mutating operation in all three outcomes', () => {
    for (const outcome of ['success', 'failure', 'invalid'] as const) {
      expect(
        mutating.filter((id) => !audited[outcome].has(id)),
        outcome,
      ).toEqual([]);
    }
  });

  it('reads are not audited, unless refused', async () => {
    const before = h.auditEntries().length;
    expect((await h.call('GET', '/api/dws/clusters')).status).toBe(200);
    expect(h.auditEntries()).toHaveLength(before);
  });
});

const validBodies = {
  'dli.createEnhancedConnection': {
    name: 'c_fail',
    dest_vpc_id: 'vpc-0001',
    dest_network_id: 'subnet-0001',
  },
  'dli.replaceHosts': { hosts: [{ name: 'db', ip: '10.0.0.1' }] },
  'dli.associateQueue': { queues: ['q1'] },
  'dli.disassociateQueue': { queues: ['q1'] },
  'mrs.createDataConnector': {
    data_connector: {
      connector_name: 'fail',
      source_type: 'RDS_MYSQL',
      source_info: buildSourceInfo({ db_name: 'd', user_name: 'u', rds_instance_id: 'r1' }),
    },
  },
  'mrs.updateDataConnector': {
    data_connector: {
      connector_name: 'fail',
      source_type: 'RDS_MYSQL',
      source_info: buildSourceInfo({ db_name: 'd', user_name: 'u', rds_instance_id: 'r1' }),
    },
  },
  'dws.createExtDataSource': { type: 'OBS', data_source_name: 'fail_obs', user_name: 'agency' },
  'dws.reconfigureExtDataSource': { reconfigure: { reboot: true } },
  'dli.createRoute': { name: 'fail_route', cidr: '10.8.0.0/16' },
  'dli.startConnectionTest': { address: 'db.internal:5432' },
  /** Shares one connection (by id) with another project. */
  'dli.authorizeConnection': (connectionId: string) => ({
    projectId: 'b'.repeat(32),
    action: 'grant',
    privileges: [{ object: `edsconnections.${connectionId}`, privileges: ['BIND_QUEUE'] }],
  }),
} satisfies Partial<Record<OperationId, unknown>>;

describe('refusals are audited', () => {
  it('403 for a viewer, with the user and the target', async () => {
    const { res, line } = await callAndReadLine('DELETE', '/api/mrs/data-connectors/conn-7', {
      cookie: viewer,
    });
    expectError(res, 403, 'FORBIDDEN');
    expect(line).toMatchObject({
      user: 'vera',
      role: 'viewer',
      operation: 'mrs.deleteDataConnector',
      targetIds: { connector_id: 'conn-7' },
      outcome: 'denied',
      httpStatus: 403,
      errorCode: 'FORBIDDEN',
    });
  });

  it('401 on a change without a session', async () => {
    const { res, line } = await callAndReadLine('DELETE', '/api/mrs/data-connectors/conn-7', {
      cookie: null,
    });
    expectError(res, 401, 'UNAUTHENTICATED');
    expect(line).toMatchObject({
      user: null,
      role: null,
      operation: 'mrs.deleteDataConnector',
      outcome: 'denied',
      httpStatus: 401,
    });
  });

  it('403 for the audit trail to an operator', async () => {
    const { line } = await callAndReadLine('GET', '/api/audit');
    expect(line).toMatchObject({
      user: 'otto',
      operation: 'audit.read',
      outcome: 'denied',
      httpStatus: 403,
    });
  });

  it("a CSRF refusal names the request and the session's user", async () => {
    const { res, line } = await callAndReadLine(
      'POST',
      '/api/dli/enhanced-connections/c9/associate-queue',
      {
        body: { queues: ['q'] },
        headers: { 'x-csrf': '' },
      },
    );
    expectError(res, 403, 'CSRF_REQUIRED');
    expect(line).toMatchObject({
      user: 'otto',
      role: 'operator',
      operation: 'POST /api/dli/enhanced-connections/c9/associate-queue',
      outcome: 'denied',
      errorCode: 'CSRF_REQUIRED',
    });
  });
});

describe('sign-in and sign-out are audited', () => {
  it('success, failure (unknown user too) and sign-out', async () => {
    const ok = await callAndReadLine('POST', '/api/session', {
      cookie: null,
      body: { username: 'vera', password: h.users.viewer.password },
    });
    expect(ok.res.status).toBe(200);
    expect(ok.line).toMatchObject({
      user: 'vera',
      role: 'viewer',
      operation: 'session.signIn',
      outcome: 'success',
      httpStatus: 200,
      targetIds: {},
    });
    const cookie = /^dsc_session=([^;]+)/.exec(ok.res.headers.getSetCookie()[0]!)![1]!;

    const bad = await callAndReadLine('POST', '/api/session', {
      cookie: null,
      body: { username: 'vera', password: 'nope' },
    });
    expect(bad.line).toMatchObject({
      user: 'vera',
      role: null,
      operation: 'session.signIn',
      outcome: 'failure',
      httpStatus: 401,
      errorCode: 'INVALID_CREDENTIALS',
    });
    const unknown = await callAndReadLine('POST', '/api/session', {
      cookie: null,
      body: { username: 'mallory', password: 'nope' },
    });
    // An unknown name is recorded keyed and with its length, never in clear (it may be a password).
    expect(unknown.line).toMatchObject({ user: expect.stringMatching(/^unknown:[A-Za-z0-9_-]{16}:7$/), outcome: 'failure' });
    const typedPassword = `pw-${Date.now()}-typed-as-name`;
    const leaked = await callAndReadLine('POST', '/api/session', { cookie: null, body: { username: typedPassword, password: 'x' } });
    expect(JSON.stringify(leaked.line)).not.toContain(typedPassword);
    expect(leaked.line.user).toMatch(new RegExp(`^unknown:[A-Za-z0-9_-]{16}:${typedPassword.length}$`));
    const again = await callAndReadLine('POST', '/api/session', { cookie: null, body: { username: 'mallory', password: 'other' } });
    expect(again.line.user).toBe(unknown.line.user);

    const out = await callAndReadLine('DELETE', '/api/session', { cookie });
    expect(out.res.status).toBe(204);
    expect(out.line).toMatchObject({
      user: 'vera',
      role: 'viewer',
      operation: 'session.signOut',
      outcome: 'success',
      httpStatus: 204,
    });
  });

  it('a username cannot forge a second line', async () => {
    const forged = 'x\n{"user":"ada","operation":"dli.deleteEnhancedConnection"}\n';
    const { line } = await callAndReadLine('POST', '/api/session', {
      cookie: null,
      body: { username: forged, password: 'nope' },
    });
    // Unknown names are recorded keyed (and so cannot carry anything into the file).
    expect(line.user).toBe(`unknown:${line.user!.split(':')[1]}:${forged.length}`);
    const raw = readFileSync(h.auditLogFile, 'utf8').trimEnd().split('\n').at(-1)!;
    expect(raw).not.toContain('dli.deleteEnhancedConnection');
    // Every line of the file is a complete entry.
    expect(h.auditEntries().every((e) => typeof e.requestId === 'string')).toBe(true);
  });

  it('an over-long username is recorded as an unknown one, and the attempt as invalid', async () => {
    const { line } = await callAndReadLine('POST', '/api/session', {
      cookie: null,
      body: { username: 'u'.repeat(100), password: 'x' },
    });
    expect(line).toMatchObject({
      user: expect.stringMatching(/^unknown:[A-Za-z0-9_-]{16}:100$/),
      outcome: 'invalid',
      errorCode: 'VALIDATION',
    });
  });

  it('passwords are never in the trail', () => {
    const text = readFileSync(h.auditLogFile, 'utf8');
    for (const u of Object.values(h.users)) expect(text).not.toContain(u.password);
    expect(text).not.toContain('"password"');
  });
});

describe('GET /api/audit', () => {
  const page = async (query: string) => {
    const res = await h.call('GET', `/api/audit${query}`, { cookie: admin });
    expect(res.status, res.text).toBe(200);
    return AuditPage.parse(res.json);
  };

  it('answers newest first with the total, paged', async () => {
    const all = h.auditEntries();
    const first = await page('');
    expect(first.total).toBeGreaterThanOrEqual(all.length);
    expect(first.entries).toHaveLength(Math.min(50, first.total));
    expect(first.entries[0]!.requestId).toBe(all.at(-1)!.requestId);
    expect(first.entries.map((e) => e.requestId)).toEqual(
      all
        .slice(-50)
        .reverse()
        .map((e) => e.requestId),
    );
    const second = await page('?limit=5&offset=5');
    expect(second.entries.map((e) => e.requestId)).toEqual(
      first.entries.slice(5, 10).map((e) => e.requestId),
    );
  });

  it('filters by user, operation, outcome and time', async () => {
    const byUser = await page('?user=vera&limit=500');
    expect(byUser.entries.length).toBeGreaterThan(0);
    expect(byUser.entries.every((e) => e.user === 'vera')).toBe(true);
    expect(byUser.total).toBe(h.auditEntries().filter((e) => e.user === 'vera').length);

    const denied = await page('?outcome=denied&operation=mrs.deleteDataConnector');
    expect(denied.entries.length).toBe(2);
    expect(
      denied.entries.every(
        (e) => e.outcome === 'denied' && e.operation === 'mrs.deleteDataConnector',
      ),
    ).toBe(true);

    const all = h.auditEntries();
    const middle = all[Math.floor(all.length / 2)]!.time;
    const since = await page(`?from=${encodeURIComponent(middle)}&limit=500`);
    expect(since.total).toBe(all.filter((e) => Date.parse(e.time) >= Date.parse(middle)).length);
    const none = await page('?to=2000-01-01T00:00:00Z');
    expect(none).toEqual({ entries: [], total: 0 });
  });

  it('refuses a bad query with the fields named', async () => {
    const err = expectError(
      await h.call('GET', '/api/audit?limit=501&outcome=maybe&from=yesterday&color=red', {
        cookie: admin,
      }),
      400,
      'VALIDATION',
    );
    expect(Object.keys(err.fields ?? {}).sort()).toEqual(
      ['query', 'query.from', 'query.limit', 'query.outcome'].sort(),
    );
    const order = expectError(
      await h.call('GET', '/api/audit?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', {
        cookie: admin,
      }),
      400,
      'VALIDATION',
    );
    expect(order.fields).toEqual({ 'query.to': 'must not be before from' });
  });
});

describe('when the audit line cannot be written', () => {
  it('the answer is withheld: 500 AUDIT_UNAVAILABLE, no session cookie, logged', async () => {
    let failing = false;
    const f = await startHarness({
      signInAs: 'operator',
      wrapAudit: (log) => ({
        ...log,
        append: async (entry) => {
          if (failing) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
          await log.append(entry);
        },
      }),
    });
    try {
      failing = true;
      const change = await f.call('DELETE', '/api/dli/enhanced-connections/c1');
      const err = expectError(change, 500, 'AUDIT_UNAVAILABLE');
      expect(err.message).toMatch(/may have been carried out/);
      const signIn = await f.signIn('viewer');
      expectError(signIn.res, 500, 'AUDIT_UNAVAILABLE');
      expect(signIn.cookie).toBeUndefined();
      expect(
        f.logs.some((l) => l.includes('audit line could not be written') && l.includes('ENOSPC')),
      ).toBe(true);
      // Reads need no line and keep working.
      expect((await f.call('GET', '/api/dws/clusters')).status).toBe(200);
    } finally {
      await f.close();
    }
  });
});

describe('secrets', () => {
  it('no log line, response or audit line holds a secret, a password or a session id', () => {
    expect(secretsSeen(h)).toEqual([]);
  });
});
