import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionsViewPage, ListEnhancedConnectionsResponse, queueStatusOf } from '@dsc/api-types';
import { sortRows } from '../src/list-view/view-rows.ts';
import { leanRow } from '../src/list-view/connection-row.ts';
import { expectError, startHarness, type Harness } from './harness.ts';

// The whole-list view: sorted, filtered and paged over every connection of the target, fetched
// once and shared, dropped when a write goes through the BFF.

const VIEW = '/api/views/dli/enhanced-connections';
let h: Harness;

beforeAll(async () => {
  // Long enough that nothing expires during the test: freshness is decided by refresh and writes.
  h = await startHarness({ env: { LIST_CACHE_MS: '600000' } });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.sim.control.faults.replace([]);
  h.sim.control.clearRequests();
});

const listCalls = () => h.sim.control.requests().filter((r) => r.operation === 'dli.listEnhancedConnections');

async function view(query: string, opts: { cookie?: string | null } = {}) {
  const res = await h.call('GET', `${VIEW}?${query}`, opts);
  expect(res.status, res.text).toBe(200);
  return { res, page: ConnectionsViewPage.parse(res.json) };
}

/** The whole list as the upstream gives it, through the catalogue's pass-through route. */
async function wholeList() {
  const res = await h.call('GET', '/api/dli/enhanced-connections?limit=0');
  return ListEnhancedConnectionsResponse.parse(res.json).connections.map((c) => leanRow(c));
}

describe('GET /api/views/dli/enhanced-connections', () => {
  it('pages the globally sorted list: sort=name&page=2 is rows 21–40', async () => {
    const all = sortRows(await wholeList(), 'name');
    const { page } = await view('sort=name&page=2&pageSize=20&refresh=1');
    expect(page.count).toBe(all.length);
    expect(page.total).toBe(all.length);
    expect(page.connections.map((c) => c.id)).toEqual(all.slice(20, 40).map((c) => c.id));
    const last = await view(`sort=-name&page=1&pageSize=1`);
    expect(last.page.connections[0]!.id).toBe(all.at(-1)!.id);
  });

  it('counts and pages only the connections with a FAILED queue', async () => {
    const failed = sortRows(await wholeList(), '-created').filter((c) =>
      c.available_queue_info.some((q) => queueStatusOf(q.status) === 'FAILED'),
    );
    expect(failed.length).toBeGreaterThan(20);
    const p1 = await view('queues=FAILED&page=1&pageSize=20');
    const p2 = await view('queues=failed&page=2&pageSize=20');
    expect(p1.page.count).toBe(failed.length);
    expect(p2.page.count).toBe(failed.length);
    const shown = [...p1.page.connections, ...p2.page.connections].map((c) => c.id);
    expect(shown).toEqual(failed.slice(0, 40).map((c) => c.id));
  });

  it('fetches the whole list once (limit=0), keeps it and shares one call between viewers', async () => {
    await view('refresh=1');
    expect(listCalls().map((r) => r.query)).toEqual([{ limit: '0' }]);
    h.sim.control.clearRequests();
    const viewer = await h.signIn('viewer');
    const [a, b] = await Promise.all([view('sort=name', { cookie: viewer.cookie! }), view('sort=-created&page=3')]);
    expect(listCalls()).toHaveLength(0);
    expect(a.page.asOf).toBe(b.page.asOf);
    expect(Number(a.res.headers.get('age'))).toBeGreaterThanOrEqual(0);
  });

  it('coalesces concurrent refreshes into one upstream call', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => view('refresh=1&sort=name')));
    expect(listCalls()).toHaveLength(1);
    expect(new Set(answers.map((a) => a.page.asOf)).size).toBe(1);
  });

  it('passes name, status and tags to the upstream, each combination its own list', async () => {
    await view('status=active&name=conn&refresh=1');
    expect(listCalls().map((r) => r.query)).toEqual([{ limit: '0', name: 'conn', status: 'active' }]);
  });

  it('ships a host count, never hosts', async () => {
    const { page } = await view('pageSize=50');
    for (const c of page.connections) expect(c).not.toHaveProperty('hosts');
    const withHosts = page.connections.find((c) => c.host_count > 0)!;
    const detail = await h.call('GET', `/api/dli/enhanced-connections/${withHosts.id}`);
    expect((detail.json as { hosts: unknown[] }).hosts).toHaveLength(withHosts.host_count);
  });

  it('drops the kept list when a write goes through the BFF', async () => {
    const before = await view('sort=name&pageSize=0');
    const victim = before.page.connections.find((c) => c.status.toUpperCase() === 'ACTIVE')!;
    h.sim.control.clearRequests();
    const del = await h.call('DELETE', `/api/dli/enhanced-connections/${victim.id}`);
    expect(del.status, del.text).toBe(200);
    const after = await view('sort=name&pageSize=0');
    expect(listCalls()).toHaveLength(1);
    // Gone, or listed as DELETED: either way no longer the ACTIVE row that was kept.
    const again = after.page.connections.find((c) => c.id === victim.id);
    expect(again?.status.toUpperCase()).not.toBe('ACTIVE');
  });

  it('answers compressed when the browser accepts it', async () => {
    const br = await h.call('GET', `${VIEW}?pageSize=200`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const gzip = await h.call('GET', `${VIEW}?pageSize=200`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(ConnectionsViewPage.parse(gzip.json).connections).toHaveLength(200);
  });

  it('refuses a bad parameter with 400 naming it, and sends nothing upstream', async () => {
    for (const [q, field] of [
      ['sort=size', 'query.sort'],
      ['queues=BROKEN', 'query.queues'],
      ['page=0', 'query.page'],
      ['pageSize=5000', 'query.pageSize'],
      ['status=gone', 'query.status'],
      ['colour=red', 'query'],
    ] as const) {
      const res = await h.call('GET', `${VIEW}?${q}`);
      const err = expectError(res, 400, 'VALIDATION');
      expect(Object.keys(err.fields ?? {}).some((f) => f.startsWith(field)), `${q}: ${res.text}`).toBe(true);
    }
    expect(listCalls()).toHaveLength(0);
  });

  it('needs a session, and answers only GET', async () => {
    expectError(await h.call('GET', VIEW, { cookie: null }), 401, 'UNAUTHENTICATED');
    expectError(await h.call('POST', VIEW, { body: {} }), 405, 'METHOD_NOT_ALLOWED');
  });

  it('passes the cloud failure on in the one error shape', async () => {
    h.sim.control.faults.replace([{ operation: 'dli.listEnhancedConnections', status: 400, errorCode: 'DLI.0001', errorMessage: 'nope' }]);
    const direct = await h.call('GET', '/api/dli/enhanced-connections?limit=0');
    const res = await h.call('GET', `${VIEW}?refresh=1`);
    const err = expectError(res, direct.status, (direct.json as { error: { code: string } }).error.code);
    expect(err.upstream?.code).toBe('DLI.0001');
  });
});
