import { describe, expect, it } from 'vitest';
import { formatTagFilter, parseTagFilter, tagPairProblem } from './tags-filter.ts';

describe('tag filter', () => {
  it('parses k=v pairs, trimming, with an empty value meaning any value', () => {
    expect(parseTagFilter('env=prod,team=sre')).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'sre' },
    ]);
    expect(parseTagFilter(' env = prod ')).toEqual([{ key: 'env', value: 'prod' }]);
    expect(parseTagFilter('cost-center=')).toEqual([{ key: 'cost-center', value: '' }]);
    expect(parseTagFilter('名称=数据 湖')).toEqual([{ key: '名称', value: '数据 湖' }]);
    expect(parseTagFilter('k=a:b+c@d.e_f-g')).toEqual([{ key: 'k', value: 'a:b+c@d.e_f-g' }]);
  });

  it('refuses text the editor could not have written', () => {
    for (const bad of ['', ' ', 'env', '=prod', 'env=prod,', ',env=prod', 'a=b=c', 'a=b;c', 'a=1,a=2']) {
      expect(parseTagFilter(bad), bad).toBeUndefined();
    }
    expect(parseTagFilter(`k=${'v'.repeat(256)}`)).toBeUndefined();
    expect(parseTagFilter(`${'k'.repeat(129)}=v`)).toBeUndefined();
    expect(parseTagFilter(Array.from({ length: 200 }, (_, i) => `key${i}=value`).join(','))).toBeUndefined();
  });

  it('formats editor rows, skipping blank ones, and gives nothing when a row is wrong', () => {
    expect(
      formatTagFilter([
        { key: ' env ', value: 'prod' },
        { key: '', value: '' },
        { key: 'team', value: '' },
      ]),
    ).toBe('env=prod,team=');
    expect(formatTagFilter([{ key: '', value: '' }])).toBeUndefined();
    expect(formatTagFilter([{ key: '', value: 'prod' }])).toBeUndefined();
    expect(formatTagFilter([{ key: 'env', value: 'a,b' }])).toBeUndefined();
    const rows = [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'sre' },
    ];
    expect(parseTagFilter(formatTagFilter(rows)!)).toEqual(rows);
  });

  it('names the problem of each row', () => {
    const rows = [
      { key: 'env', value: 'prod' },
      { key: 'env', value: 'test' },
      { key: '', value: 'x' },
      { key: 'a=b', value: '' },
      { key: 'ok', value: 'no,comma' },
      { key: '', value: '' },
    ];
    expect(rows.map((r, i) => tagPairProblem(r, i, rows))).toEqual([
      undefined,
      'duplicateKey',
      'keyRequired',
      'keyChars',
      'valueChars',
      undefined,
    ]);
    expect(tagPairProblem({ key: 'k'.repeat(129), value: '' }, 0, [])).toBe('keyLength');
    expect(tagPairProblem({ key: 'k', value: 'v'.repeat(256) }, 0, [])).toBe('valueLength');
  });
});
