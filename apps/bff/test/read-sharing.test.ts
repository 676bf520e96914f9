import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsSeen, startHarness, type Harness } from './harness.ts';

// A window far longer than any test step, so that what is shared does not depend on timing.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { UPSTREAM_READ_SHARE_MS: '60000' } });
});
afterAll(async () => {
  await h?.close();
});

const sent = (operation: string) => h.sim.control.requests().filter((r) => r.operation === operation);

describe('identical reads share one upstream call (UPSTREAM_READ_SHARE_MS)', () => {
  it('twenty viewers asking for the same page at once cost one upstream call; the sharers are told the age', async () => {
    h.sim.control.faults.replace([{ operation: 'dli.listEnhancedConnections', latencyMs: 200 }]);
    h.sim.control.clearRequests();
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=0')));
    h.sim.control.faults.replace([]);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(sent('dli.listEnhancedConnections')).toHaveLength(1);
    // One of them made the call; the others joined it.
    expect(results.filter((r) => r.headers.get('age') === null)).toHaveLength(1);
    expect(results.filter((r) => r.headers.get('age') === '0')).toHaveLength(19);
    // Every answer names the one upstream request that served it.
    expect(new Set(results.map((r) => r.headers.get('x-request-id')))).toEqual(new Set([sent('dli.listEnhancedConnections')[0]!.requestId]));
  });

  it('within the window a later read takes the answer; another query is another call', async () => {
    h.sim.control.clearRequests();
    const again = await h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=0');
    expect(again.status).toBe(200);
    expect(again.headers.get('age')).toMatch(/^\d+$/);
    expect(sent('dli.listEnhancedConnections')).toHaveLength(0);
    const other = await h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=5');
    expect(other.headers.get('age')).toBeNull();
    expect(sent('dli.listEnhancedConnections')).toHaveLength(1);
  });

  it('an explicit refresh (Cache-Control: no-cache) goes upstream, and the others then get its answer', async () => {
    h.sim.control.clearRequests();
    const fresh = await h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=0', { headers: { 'cache-control': 'no-cache' } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('age')).toBeNull();
    expect(sent('dli.listEnhancedConnections')).toHaveLength(1);
    const after = await h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=0');
    expect(after.headers.get('x-request-id')).toBe(sent('dli.listEnhancedConnections')[0]!.requestId);
  });

  it('a write through the console drops what is shared for that connection and the list above it', async () => {
    const list = (await h.call('GET', '/api/dli/enhanced-connections?limit=1&status=ACTIVE')).json as { connections: { id: string }[] };
    const id = list.connections[0]!.id;
    await h.call('GET', `/api/dli/enhanced-connections/${id}`);
    h.sim.control.clearRequests();
    expect((await h.call('GET', `/api/dli/enhanced-connections/${id}`)).headers.get('age')).not.toBeNull();
    expect(sent('dli.getEnhancedConnection')).toHaveLength(0);

    const put = await h.call('PUT', `/api/dli/enhanced-connections/${id}`, { body: { hosts: [{ name: 'shared_read_check', ip: '10.9.9.9' }] } });
    expect(put.status).toBe(200);
    const detail = await h.call('GET', `/api/dli/enhanced-connections/${id}`);
    expect(detail.headers.get('age')).toBeNull();
    expect(detail.text).toContain('shared_read_check');
    expect(sent('dli.getEnhancedConnection')).toHaveLength(1);
    const listAgain = await h.call('GET', '/api/dli/enhanced-connections?limit=1&status=ACTIVE');
    expect(listAgain.headers.get('age')).toBeNull();
  });

  it('authorisation still runs for every caller: no session, no shared answer', async () => {
    h.sim.control.clearRequests();
    const res = await h.call('GET', '/api/dli/enhanced-connections?limit=5&offset=0', { cookie: null });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('connections');
    expect(sent('dli.listEnhancedConnections')).toHaveLength(0);
  });

  it('nothing secret leaked', () => {
    expect(secretsSeen(h)).toEqual([]);
  });
});
