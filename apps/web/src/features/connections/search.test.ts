import { describe, expect, it } from 'vitest';
import { connectionsSearchSchema } from './search.ts';

const parse = (input: Record<string, unknown>) => connectionsSearchSchema.parse(input);

describe('connections search params', () => {
  it('defaults to page 1 of 20 with no filters', () => {
    expect(parse({})).toEqual({ page: 1, pageSize: 20 });
  });

  it('keeps valid values, normalising the status case and a numeric name', () => {
    expect(parse({ page: 3, pageSize: 50, name: 'conn_1', status: 'active' })).toEqual({
      page: 3,
      pageSize: 50,
      name: 'conn_1',
      status: 'ACTIVE',
    });
    expect(parse({ name: 123 }).name).toBe('123');
    expect(parse({ page: '4', pageSize: '100' })).toMatchObject({ page: 4, pageSize: 100 });
  });

  it('replaces each invalid value with its default without losing the valid ones', () => {
    expect(parse({ page: 'abc', pageSize: 50 })).toEqual({ page: 1, pageSize: 50 });
    expect(parse({ page: 0 }).page).toBe(1);
    expect(parse({ page: -2 }).page).toBe(1);
    expect(parse({ page: 2.5 }).page).toBe(1);
    expect(parse({ page: 2, pageSize: 7 })).toEqual({ page: 2, pageSize: 20 });
    expect(parse({ pageSize: 'lots' }).pageSize).toBe(20);
    expect(parse({ status: 'PENDING', name: 'x' })).toMatchObject({ status: undefined, name: 'x' });
    expect(parse({ name: 'x'.repeat(65) }).name).toBeUndefined();
    expect(parse({ name: '   ' }).name).toBeUndefined();
    expect(parse({ name: { nested: true } }).name).toBeUndefined();
  });
});
