import type { ConnectionRow } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import {
  CREATING_POLL_MS,
  connectionKeys,
  hasCreatingQueue,
  pollWhileCreating,
  listParamsFromSearch,
  toViewQuery,
} from './queries.ts';
import { parseConnectionsSearch } from './search.ts';

type Conn = ConnectionRow;
const conn = (queues: { name: string; status: string }[]): Conn => ({
  id: 'c',
  name: 'c',
  status: 'ACTIVE',
  dest_vpc_id: 'v',
  dest_network_id: 'n',
  create_time: 0,
  host_count: 0,
  available_queue_info: queues,
});
const data = (...connections: Conn[]) => ({
  count: connections.length,
  total: connections.length,
  page: 1,
  pageSize: 20,
  asOf: '2024-01-01T00:00:00.000Z',
  connections,
});
const queryWith = (d: ReturnType<typeof data> | undefined) =>
  ({ state: { data: d } }) as unknown as Parameters<typeof pollWhileCreating>[0];

describe('connectionKeys', () => {
  it('nests all → lists → list(params) and all → detail(id), so each level invalidates the next', () => {
    const list = connectionKeys.list({ page: 2, pageSize: 20, sort: 'name', name: 'a' });
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
      connectionKeys.list({ page: 1, pageSize: 20, sort: 'name', name: undefined, status: undefined }),
    ).toEqual(connectionKeys.list({ page: 1, pageSize: 20, sort: 'name' }));
    expect(connectionKeys.list({ page: 1, pageSize: 20, sort: 'name' })).not.toEqual(
      connectionKeys.list({ page: 2, pageSize: 20, sort: 'name' }),
    );
  });
});

describe('toViewQuery', () => {
  it('sends the URL\'s own parameters, only the set filters, and refresh only when asked', () => {
    expect(toViewQuery({ page: 1, pageSize: 20, sort: '-created' })).toEqual({
      sort: '-created',
      page: '1',
      pageSize: '20',
    });
    expect(
      toViewQuery({ page: 3, pageSize: 50, sort: 'name', queues: 'FAILED', name: 'x', status: 'DELETED', tags: 'env=prod' }, true),
    ).toEqual({
      sort: 'name',
      page: '3',
      pageSize: '50',
      queues: 'FAILED',
      name: 'x',
      status: 'DELETED',
      tags: 'env=prod',
      refresh: '1',
    });
  });

  it('asks for page 1 when the page size is "all"', () => {
    expect(toViewQuery({ page: 5, pageSize: 0, sort: 'name' })).toEqual({ sort: 'name', page: '1', pageSize: '0' });
  });
});

describe('listParamsFromSearch', () => {
  it('carries sort and the queue filter: the server applies them to the whole list', () => {
    const search = parseConnectionsSearch({
      page: 3,
      pageSize: 'all',
      name: 'orders',
      queues: 'FAILED',
      sort: 'name',
    });
    expect(listParamsFromSearch(search)).toEqual({ page: 1, pageSize: 0, sort: 'name', queues: 'FAILED', name: 'orders' });
    const other = parseConnectionsSearch({ pageSize: 'all', name: 'orders', sort: 'name' });
    expect(connectionKeys.list(listParamsFromSearch(other))).not.toEqual(
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
