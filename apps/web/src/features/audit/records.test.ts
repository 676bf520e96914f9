import { describe, expect, it } from 'vitest';
import { cellText, extractRecords, recordKeys } from './records.ts';

describe('audit records', () => {
  it('finds the entries whether the body is a list or wraps one', () => {
    const entries = [
      { at: 't1', user: 'ann' },
      { at: 't2', outcome: 'ok' },
    ];
    expect(extractRecords(entries)).toEqual(entries);
    expect(extractRecords({ total: 2, entries })).toEqual(entries);
    expect(extractRecords({ total: 0 })).toEqual([]);
    expect(extractRecords('nope')).toEqual([]);
    expect(extractRecords([1, { a: 1 }, null])).toEqual([{ a: 1 }]);
  });

  it('collects every key in first-seen order and renders values as text', () => {
    expect(
      recordKeys([
        { at: 1, user: 'a' },
        { at: 2, outcome: 'ok' },
      ]),
    ).toEqual(['at', 'user', 'outcome']);
    expect(cellText(undefined)).toBe('');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(5)).toBe('5');
  });
});
