import { describe, expect, it } from 'vitest';
import { effectivePage, hasAnyFilter, hasServerFilter, parseConnectionsSearch as parse } from './search.ts';

describe('connections search params', () => {
  it('defaults to page 1 of 20, newest first, with no filters', () => {
    expect(parse({})).toEqual({ page: 1, pageSize: 20, sort: '-created' });
  });

  it('keeps valid values, normalising case, a numeric name and the tag filter spacing', () => {
    expect(
      parse({
        page: 3,
        pageSize: 50,
        name: 'conn_1',
        status: 'active',
        tags: ' env = prod ,team=sre',
        queues: 'failed',
        sort: 'name',
      }),
    ).toEqual({
      page: 3,
      pageSize: 50,
      name: 'conn_1',
      status: 'ACTIVE',
      tags: 'env=prod,team=sre',
      queues: 'FAILED',
      sort: 'name',
    });
    expect(parse({ name: 123 }).name).toBe('123');
    expect(parse({ page: '4', pageSize: '200' })).toMatchObject({ page: 4, pageSize: 200 });
    expect(parse({ pageSize: 'all' }).pageSize).toBe('all');
    expect(parse({ tags: 'env=' }).tags).toBe('env=');
  });

  it('replaces each invalid value with its default without losing the valid ones', () => {
    expect(
      parse({ page: -3, pageSize: 7, status: 'FOO', sort: 'bogus', name: 'orders' }),
    ).toEqual({ page: 1, pageSize: 20, sort: '-created', name: 'orders' });
    expect(parse({ page: 'abc', pageSize: 50 })).toEqual({
      page: 1,
      pageSize: 50,
      sort: '-created',
    });
    expect(parse({ page: 0 }).page).toBe(1);
    expect(parse({ page: 2.5 }).page).toBe(1);
    expect(parse({ pageSize: 10 }).pageSize).toBe(20); // once offered, no longer
    expect(parse({ pageSize: 'lots' }).pageSize).toBe(20);
    expect(parse({ pageSize: 0 }).pageSize).toBe(20); // "all" is spelled out in the URL
    expect(parse({ status: 'PENDING', name: 'x' })).toMatchObject({ status: undefined, name: 'x' });
    expect(parse({ name: 'x'.repeat(65) }).name).toBeUndefined();
    expect(parse({ name: '   ' }).name).toBeUndefined();
    expect(parse({ name: { nested: true } }).name).toBeUndefined();
    expect(parse({ queues: 'DELETED' }).queues).toBeUndefined();
    expect(parse({ sort: '-created,name' }).sort).toBe('-created');
    for (const tags of ['env', '=prod', 'env=prod,', 'a=b=c', 'env=pr!od', 'env=a,env=b', 42]) {
      expect(parse({ tags }).tags, String(tags)).toBeUndefined();
    }
  });

  it('tells upstream filters from client-side ones and pins "all" to page 1', () => {
    const s = parse({ queues: 'CREATING', page: 4, pageSize: 'all' });
    expect(hasServerFilter(s)).toBe(false);
    expect(hasAnyFilter(s)).toBe(true);
    expect(effectivePage(s)).toBe(1);
    expect(effectivePage(parse({ page: 4 }))).toBe(4);
    expect(hasServerFilter(parse({ tags: 'env=prod' }))).toBe(true);
  });
});
