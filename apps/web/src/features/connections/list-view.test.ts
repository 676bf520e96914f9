import type { EnhancedConnection } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { applyClientView, matchesQueueFilter } from './list-view.ts';

const conn = (name: string, createTime: number, statuses: string[]): EnhancedConnection => ({
  id: `id-${name}`,
  name,
  status: 'ACTIVE',
  dest_vpc_id: 'v',
  dest_network_id: 'n',
  create_time: createTime,
  hosts: [],
  available_queue_info: statuses.map((status, i) => ({ name: `q${i}`, status })),
});

const failedAndActive = conn('b_failed', 3, ['ACTIVE', 'failed']);
const creating = conn('a_creating', 1, ['CREATING', 'ACTIVE']);
const allActive = conn('c_active', 2, ['ACTIVE', 'Active']);
const noQueues = conn('d_none', 4, []);
const rows = [failedAndActive, creating, allActive, noQueues];

describe('queue-status filter (client side)', () => {
  it('matches any FAILED or any CREATING queue, in any case', () => {
    expect(rows.filter((c) => matchesQueueFilter(c, 'FAILED'))).toEqual([failedAndActive]);
    expect(rows.filter((c) => matchesQueueFilter(c, 'CREATING'))).toEqual([creating]);
  });

  it('"all ACTIVE" needs at least one queue, every one of them ACTIVE', () => {
    expect(rows.filter((c) => matchesQueueFilter(c, 'ACTIVE'))).toEqual([allActive]);
  });
});

describe('applyClientView', () => {
  it('sorts by creation time or name in both directions without changing its input', () => {
    const input = [...rows];
    const names = (sort: Parameters<typeof applyClientView>[1]['sort']) =>
      applyClientView(input, { sort }).map((c) => c.name);
    expect(names('-created')).toEqual(['d_none', 'b_failed', 'c_active', 'a_creating']);
    expect(names('created')).toEqual(['a_creating', 'c_active', 'b_failed', 'd_none']);
    expect(names('name')).toEqual(['a_creating', 'b_failed', 'c_active', 'd_none']);
    expect(names('-name')).toEqual(['d_none', 'c_active', 'b_failed', 'a_creating']);
    expect(input).toEqual(rows);
  });

  it('sorts names naturally and case-insensitively', () => {
    const list = [conn('conn_10', 0, []), conn('Conn_9', 0, []), conn('conn_1', 0, [])];
    expect(applyClientView(list, { sort: 'name' }).map((c) => c.name)).toEqual([
      'conn_1',
      'Conn_9',
      'conn_10',
    ]);
  });

  it('filters then sorts', () => {
    const out = applyClientView(rows, { queues: 'ACTIVE', sort: 'name' });
    expect(out.map((c) => c.name)).toEqual(['c_active']);
  });
});
