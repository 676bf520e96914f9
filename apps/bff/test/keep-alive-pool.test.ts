import { afterAll, beforeAll, expect, it } from 'vitest';
import { secretsSeen, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 10_000 });
});
afterAll(async () => {
  await h?.close();
});

// 100 concurrent writes are more than the per-service limit (16 in flight) lets out at once; the
// rest queue for a slot and a socket, and every body must still go out whole and signed.
it('more concurrent bodies than the keep-alive pool holds each arrive signed and intact', async () => {
  const list = (await h.call('GET', '/api/dli/enhanced-connections?limit=1&status=ACTIVE')).json as { connections: { id: string }[] };
  const id = list.connections[0]!.id;
  h.sim.control.faults.replace([{ operation: 'dli.replaceHosts', latencyMs: 300 }]);
  h.sim.control.clearRequests();
  const started = Date.now();
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      h.call('PUT', `/api/dli/enhanced-connections/${id}`, { body: { hosts: [{ name: `host_${i}`, ip: `10.1.0.${i}` }] } }),
    ),
  );
  // At 300 ms each, 100 requests over 64 sockets need at least two rounds.
  expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
  const seen = h.sim.control.requests().filter((r) => r.operation === 'dli.replaceHosts');
  expect(seen).toHaveLength(100);
  expect(seen.every((r) => r.signature === 'ok')).toBe(true);
  expect(new Set(seen.map((r) => r.bodyText)).size).toBe(100);
  expect(secretsSeen(h)).toEqual([]);
});
