import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type KvStore } from '../src/index.ts';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

// Idempotency-Key on creates: a repeat returns the first outcome instead of creating again —
// a double click, a retry after a lost answer, two tabs, or a retry landing on another instance.

let store: KvStore;
let a: Harness;
let b: Harness;
beforeAll(async () => {
  store = createMemoryStore();
  a = await startHarness({ store, idempotencyWaitMs: 3000, env: { UPSTREAM_WRITE_TIMEOUT_MS: '8000' } });
  // A second instance on the same simulator and store, with the same users.
  b = await startHarness({ store, sim: a.sim, credentials: a.credentials, users: a.users, usersFile: a.usersFile });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await store?.close();
});
beforeEach(() => {
  a.sim.control.faults.replace([]);
  a.sim.control.clearRequests();
});

const unique = () => `idem_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const creates = () => a.sim.control.stats().creates.enhancedConnections;
const createsSent = () => a.sim.control.requests().filter((r) => r.operation === 'dli.createEnhancedConnection').length;
const body = (name: string) => ({ name, dest_vpc_id: 'vpc-idem-1', dest_network_id: 'subnet-idem-1' });
const post = (h: Harness, key: string | undefined, b_: unknown, cookie?: string) =>
  h.call('POST', '/api/dli/enhanced-connections', {
    body: b_,
    ...(key !== undefined ? { headers: { 'idempotency-key': key } } : {}),
    ...(cookie ? { cookie } : {}),
  });

describe('Idempotency-Key', () => {
  it('a repeat with the same key and body returns the first outcome, marked as a replay', async () => {
    const key = randomUUID();
    const name = unique();
    const before = creates();
    const first = await post(a, key, body(name));
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post(a, key, body(name));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(again.headers.get('x-request-id')).toBe(first.headers.get('x-request-id'));
    expect(creates()).toBe(before + 1);
    expect(createsSent()).toBe(1);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED and sends nothing', async () => {
    const key = randomUUID();
    await post(a, key, body(unique()));
    a.sim.control.clearRequests();
    const err = expectError(await post(a, key, body(unique())), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(err.message).toMatch(/different request/);
    expect(a.sim.control.requests()).toHaveLength(0);
  });

  it('a definite refusal is replayed too (a 409 "exists" stays a 409 for that key)', async () => {
    const name = unique();
    expect((await post(a, randomUUID(), body(name))).status).toBe(200);
    const key = randomUUID();
    const refused = expectError(await post(a, key, body(name)), 409, 'UPSTREAM_ERROR');
    expect(refused.upstream?.code).toBe('DLI.0006');
    const again = await post(a, key, body(name));
    expectError(again, 409, 'UPSTREAM_ERROR');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(createsSent()).toBe(2);
  });

  it('keys are per user: another user\'s identical key is a request of its own', async () => {
    const key = randomUUID();
    const name = unique();
    expect((await post(a, key, body(name))).status).toBe(200);
    const { cookie } = await a.signIn('admin');
    const other = await post(a, key, body(name), cookie);
    // Not a replay of otto's answer: admin's create reached the cloud (and found the name taken).
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expectError(other, 409, 'UPSTREAM_ERROR');
  });

  it('a concurrent repeat (double click) waits for the first and gets its outcome', async () => {
    const key = randomUUID();
    const name = unique();
    const before = creates();
    a.sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', latencyMs: 800, times: 1 }]);
    const [one, two] = await Promise.all([
      post(a, key, body(name)),
      new Promise((r) => setTimeout(r, 100)).then(() => post(a, key, body(name))),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.headers.get('idempotent-replayed')).toBe('true');
    expect(two.json).toEqual(one.json);
    expect(creates()).toBe(before + 1);
    expect(createsSent()).toBe(1);
  });

  it('a repeat while the first is still running past the wait is 409 IDEMPOTENCY_IN_PROGRESS with Retry-After', async () => {
    const key = randomUUID();
    const name = unique();
    a.sim.control.faults.replace([{ operation: 'dli.createEnhancedConnection', latencyMs: 5000, times: 1 }]);
    const first = post(a, key, body(name));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const busy = await post(a, key, body(name));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expectError(busy, 409, 'IDEMPOTENCY_IN_PROGRESS');
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await first).status).toBe(200);
    expect(createsSent()).toBe(1);
  }, 20_000);

  it('a retry that lands on another instance (shared store) is recognised', async () => {
    const key = randomUUID();
    const name = unique();
    const before = creates();
    const first = await post(a, key, body(name));
    expect(first.status).toBe(200);
    const { cookie } = await b.signIn('operator');
    const onB = await post(b, key, body(name), cookie);
    expect(onB.status).toBe(200);
    expect(onB.headers.get('idempotent-replayed')).toBe('true');
    expect(onB.json).toEqual(first.json);
    expect(creates()).toBe(before + 1);
  });

  it('a create whose outcome could not even be checked is looked up by the retry before creating', async () => {
    const key = randomUUID();
    const name = unique();
    const before = creates();
    // The create happens but its answer is cut off, and the lookup by name fails too.
    a.sim.control.faults.replace([
      { operation: 'dli.createEnhancedConnection', kind: 'truncate', times: 1 },
      { operation: 'dli.listEnhancedConnections', status: 503, times: 3 },
    ]);
    const first = await post(a, key, body(name));
    const err = expectError(first, 502, 'UPSTREAM_BAD_RESPONSE');
    expect(err.message).toMatch(/could not be checked: trying again with the same Idempotency-Key is safe/);
    const retry = await post(a, key, body(name));
    expect(retry.status, retry.text).toBe(200);
    expect(retry.headers.get('idempotent-recovered')).toBe('true');
    expect(createsSent()).toBe(1);
    expect(creates()).toBe(before + 1);
  });

  it('a malformed key is 400 VALIDATION and sends nothing; no key means no idempotency', async () => {
    for (const key of ['short', 'x'.repeat(129), 'has space in it', 'ünïcödé-key-1', 'a/b/c/d/e/f']) {
      const err = expectError(await post(a, key, body(unique())), 400, 'VALIDATION');
      expect(err.fields).toHaveProperty(['headers.idempotency-key']);
    }
    expect(a.sim.control.requests()).toHaveLength(0);
    const plain = await post(a, undefined, body(unique()));
    expect(plain.status).toBe(200);
  });

  it('nothing secret leaked', () => {
    expect(secretsSeen(a)).toEqual([]);
    expect(secretsSeen(b)).toEqual([]);
  });
});
