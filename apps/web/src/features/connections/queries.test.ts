import type { ListEnhancedConnectionsResponse } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import {
  CREATING_POLL_MS,
  connectionKeys,
  hasCreatingQueue,
  pollWhileCreating,
  listParamsFromSearch,
  toListQuery,
} from './queries.ts';
import { parseConnectionsSearch } from './search.ts';

type Conn = ListEnhancedConnectionsResponse['connections'][number];
const conn = (queues: { name: string; status: string }[]): Conn => ({
  id: 'c',
  name: 'c',
  status: 'ACTIVE',
  dest_vpc_id: 'v',
  dest_network_id: 'n',
  create_time: 0,
  hosts: [],
  available_queue_info: queues,
});
const data = (...connections: Conn[]): ListEnhancedConnectionsResponse => ({
  count: connections.length,
  connections,
});
const queryWith = (d: ListEnhancedConnectionsResponse | undefined) =>
  ({ state: { data: d } }) as unknown as Parameters<typeof pollWhileCreating>[0];

describe('connectionKeys', () => {
  it('nests all → lists → list(params) and all → detail(id), so each level invalidates the next', () => {
    const list = connectionKeys.list({ page: 2, pageSize: 20, name: 'a' });
    expect(list.slice(0, connectionKeys.lists().length)).toEqual([...connectionKeys.lists()]);
    expect(connectionKeys.lists().slice(0, connectionKeys.all.length)).toEqual([
      ...connectionKeys.all,
    ]);
    const detail = connectionKeys.detail('c-1');
    expect(detail.slice(0, connectionKeys.all.length)).toEqual([...connectionKeys.all]);
    expect(detail.at(-1)).toBe('c-1');
  });

  it('gives the same key whether a filter is absent or undefined', () => {
    expect(
      connectionKeys.list({ page: 1, pageSize: 20, name: undefined, status: undefined }),
    ).toEqual(connectionKeys.list({ page: 1, pageSize: 20 }));
    expect(connectionKeys.list({ page: 1, pageSize: 20 })).not.toEqual(
      connectionKeys.list({ page: 2, pageSize: 20 }),
    );
  });
});

describe('toListQuery', () => {
  it('turns page numbers into limit and offset strings and passes only set filters', () => {
    expect(toListQuery({ page: 1, pageSize: 20 })).toEqual({ limit: '20', offset: '0' });
    expect(toListQuery({ page: 3, pageSize: 50, name: 'x', status: 'DELETED' })).toEqual({
      limit: '50',
      offset: '100',
      name: 'x',
      status: 'DELETED',
    });
    expect(toListQuery({ page: 1, pageSize: 20, tags: 'env=prod,team=' })).toEqual({
      limit: '20',
      offset: '0',
      tags: 'env=prod,team=',
    });
  });

  it('asks for everything with limit=0 from offset 0 when the page size is "all"', () => {
    expect(toListQuery({ page: 5, pageSize: 0 })).toEqual({ limit: '0', offset: '0' });
  });
});

describe('listParamsFromSearch', () => {
  it('keeps only what upstream filters by, so sorting and the queue filter share one cache entry', () => {
    const search = parseConnectionsSearch({
      page: 3,
      pageSize: 'all',
      name: 'orders',
      queues: 'FAILED',
      sort: 'name',
    });
    expect(listParamsFromSearch(search)).toEqual({ page: 1, pageSize: 0, name: 'orders' });
    const other = parseConnectionsSearch({ pageSize: 'all', name: 'orders' });
    expect(connectionKeys.list(listParamsFromSearch(other))).toEqual(
      connectionKeys.list(listParamsFromSearch(search)),
    );
  });
});

describe('polling', () => {
  it('polls every 5 s while any visible queue is CREATING, in any case', () => {
    const d = data(
      conn([{ name: 'q1', status: 'ACTIVE' }]),
      conn([{ name: 'q2', status: 'creating' }]),
    );
    expect(hasCreatingQueue(d)).toBe(true);
    expect(pollWhileCreating(queryWith(d))).toBe(CREATING_POLL_MS);
    expect(CREATING_POLL_MS).toBe(5000);
  });

  it('stops once nothing is CREATING, and before there is data', () => {
    const settled = data(
      conn([
        { name: 'q1', status: 'ACTIVE' },
        { name: 'q2', status: 'FAILED' },
      ]),
      conn([]),
    );
    expect(pollWhileCreating(queryWith(settled))).toBe(false);
    expect(pollWhileCreating(queryWith(undefined))).toBe(false);
  });
});
