import { describe, expect, it } from 'vitest';
import type { ConnectionRow } from '@dsc/api-types';
import { leanRow } from './connection-row.ts';
import { matchesQueueFilter, pageRows, sortRows, viewRows } from './view-rows.ts';

const row = (id: string, name: string, created: number, queues: string[] = [], target?: string): ConnectionRow => ({
  id,
  name,
  status: 'ACTIVE',
  available_queue_info: queues.map((status, i) => ({ name: `q${i}`, status })),
  dest_vpc_id: 'vpc',
  dest_network_id: 'net',
  create_time: created,
  host_count: 0,
  ...(target ? { target } : {}),
});

describe('sortRows', () => {
  const rows = [row('c', 'redis_2', 3), row('a', 'cloudtable_10', 1), row('b', 'cloudtable_9', 2), row('d', 'Redis_1', 3)];

  it('orders names naturally and case-insensitively, ties by id', () => {
    expect(sortRows(rows, 'name').map((r) => r.name)).toEqual(['cloudtable_9', 'cloudtable_10', 'Redis_1', 'redis_2']);
    expect(sortRows(rows, '-name').map((r) => r.name)).toEqual(['redis_2', 'Redis_1', 'cloudtable_10', 'cloudtable_9']);
  });

  it('orders by creation time, equal times by name', () => {
    expect(sortRows(rows, '-created').map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(sortRows(rows, 'created').map((r) => r.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('does not change its input', () => {
    const before = rows.map((r) => r.id);
    sortRows(rows, 'name');
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it('breaks ties between targets so that merged lists have one order', () => {
    const merged = [row('x', 'same', 1, [], 'b'), row('x', 'same', 1, [], 'a')];
    expect(sortRows(merged, 'name').map((r) => r.target)).toEqual(['a', 'b']);
    expect(sortRows(merged, '-name').map((r) => r.target)).toEqual(['b', 'a']);
  });
});

describe('matchesQueueFilter', () => {
  it('FAILED and CREATING match any such queue, in any case', () => {
    expect(matchesQueueFilter(row('a', 'a', 1, ['ACTIVE', 'failed']), 'FAILED')).toBe(true);
    expect(matchesQueueFilter(row('a', 'a', 1, ['ACTIVE']), 'FAILED')).toBe(false);
    expect(matchesQueueFilter(row('a', 'a', 1, ['Creating']), 'CREATING')).toBe(true);
  });
  it('ACTIVE needs every queue active and at least one', () => {
    expect(matchesQueueFilter(row('a', 'a', 1, ['ACTIVE', 'ACTIVE']), 'ACTIVE')).toBe(true);
    expect(matchesQueueFilter(row('a', 'a', 1, ['ACTIVE', 'FAILED']), 'ACTIVE')).toBe(false);
    expect(matchesQueueFilter(row('a', 'a', 1, []), 'ACTIVE')).toBe(false);
  });
});

describe('viewRows', () => {
  const many = Array.from({ length: 45 }, (_, i) => row(`id${i}`, `conn_${(i * 7) % 45}`, 1000 + i, i % 3 === 0 ? ['FAILED'] : ['ACTIVE']));

  it('pages the globally sorted list: page 2 holds rows 21–40', () => {
    const all = sortRows(many, 'name');
    const { rows, count } = viewRows(many, { sort: 'name', page: 2, pageSize: 20 });
    expect(count).toBe(45);
    expect(rows).toEqual(all.slice(20, 40));
  });

  it('counts and pages only matching rows', () => {
    const failed = many.filter((r) => r.available_queue_info[0]!.status === 'FAILED');
    const p1 = viewRows(many, { sort: '-created', queues: 'FAILED', page: 1, pageSize: 10 });
    const p2 = viewRows(many, { sort: '-created', queues: 'FAILED', page: 2, pageSize: 10 });
    expect(p1.count).toBe(failed.length);
    expect([...p1.rows, ...p2.rows].map((r) => r.id)).toEqual(sortRows(failed, '-created').map((r) => r.id));
  });

  it('pageSize 0 is every row on page 1 and nothing after', () => {
    expect(pageRows(many, { page: 1, pageSize: 0 })).toHaveLength(45);
    expect(pageRows(many, { page: 2, pageSize: 0 })).toHaveLength(0);
    expect(viewRows(many, { sort: 'name', page: 4, pageSize: 20 }).rows).toEqual([]);
  });
});

describe('leanRow', () => {
  it('carries a host count, never the hosts, and drops fields a list does not show', () => {
    const hosts = Array.from({ length: 3 }, (_, i) => ({ name: `h${i}`, ip: '10.0.0.1' }));
    const lean = leanRow({ ...row('a', 'a', 1), hosts, secret_blob: 'x'.repeat(100) } as never, 'prod');
    expect(lean.host_count).toBe(3);
    expect(lean).not.toHaveProperty('hosts');
    expect(lean).not.toHaveProperty('secret_blob');
    expect(lean.target).toBe('prod');
  });
});
