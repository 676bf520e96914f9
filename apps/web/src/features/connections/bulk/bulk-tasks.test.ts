import type { ConnectionRow } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../../../test/fetch-mock.ts';
import { bulkTasks, queueNamesOf, runTasks, type TaskState } from './bulk-tasks.ts';

const row = (n: number, queues: [string, string][] = []): ConnectionRow => ({
  id: `id-${n}`,
  name: `conn_${n}`,
  status: 'ACTIVE',
  available_queue_info: queues.map(([name, status]) => ({ name, status })),
  dest_vpc_id: 'v',
  dest_network_id: 's',
  create_time: 0,
  host_count: 0,
});

describe('bulkTasks', () => {
  it('retry binds again only the FAILED queues, and leaves out rows without one', () => {
    const tasks = bulkTasks('retry', [row(1, [['a', 'FAILED'], ['b', 'ACTIVE']]), row(2, [['a', 'ACTIVE']])]);
    expect(tasks.map((t) => [t.id, t.queues])).toEqual([['id-1', ['a']]]);
  });

  it('unbind touches only rows bound to that queue', () => {
    const rows = [row(1, [['a', 'FAILED']]), row(2, [['b', 'ACTIVE']])];
    expect(queueNamesOf(rows)).toEqual(['a', 'b']);
    expect(bulkTasks('unbind', rows, 'b').map((t) => t.id)).toEqual(['id-2']);
  });
});

describe('runTasks', () => {
  it('sends one catalogue call per row, at most 4 at once, and keeps each failure with its row and request id', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const { requests } = mockFetch(async (req) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((r) => releases.push(r));
      inFlight--;
      return req.url.pathname.endsWith('id-3')
        ? consoleError(502, { code: 'UPSTREAM_ERROR', message: 'injected', requestId: 'req-3' })
        : jsonResponse({ is_success: true, message: '' });
    });
    const rows = Array.from({ length: 9 }, (_, i) => row(i + 1));
    const states = new Map<string, TaskState>();
    const done = runTasks(bulkTasks('delete', rows), (id, s) => states.set(id, s), { signal: new AbortController().signal });
    while (states.size < 9 || [...states.values()].some((s) => s.phase === 'running')) {
      await new Promise((r) => setTimeout(r, 5));
      releases.splice(0).forEach((r) => r());
    }
    await done;
    expect(most).toBe(4);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toHaveLength(9);
    expect(requests.every((r) => r.method === 'DELETE')).toBe(true);
    expect(states.get('id-3')).toEqual({ phase: 'failed', message: 'injected', requestId: 'req-3' });
    expect([...states.values()].filter((s) => s.phase === 'done')).toHaveLength(8);
  });
});
