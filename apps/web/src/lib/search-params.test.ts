import { describe, expect, it } from 'vitest';
import {
  numberOfParam,
  oneOfParam,
  pageParam,
  textParam,
  upperCase,
} from './search-params.ts';

describe('pageParam', () => {
  const page = (v: unknown) => pageParam(v, 1);
  it('keeps a page number, from text too', () => {
    expect(page(3)).toBe(3);
    expect(page('7')).toBe(7);
    expect(page(' 8 ')).toBe(8);
  });
  it('falls back on the first page for anything else', () => {
    for (const bad of [0, -2, 1.5, 'x', '', 1_000_001, Infinity, Number.NaN, null, true, [2], { p: 2 }])
      expect(page(bad), String(bad)).toBe(1);
    expect(page(undefined)).toBe(1);
    expect(pageParam('x', 3)).toBe(3);
  });
});

describe('textParam', () => {
  const text = (v: unknown) => textParam(v, 5);
  it('trims, and takes numbers back as text', () => {
    expect(text('  ab ')).toBe('ab');
    expect(text(123)).toBe('123');
    expect(text('abcde')).toBe('abcde');
  });
  it('drops blank, too long or non-text values', () => {
    expect(text('   ')).toBeUndefined();
    expect(text('abcdef')).toBeUndefined();
    expect(text({ a: 1 })).toBeUndefined();
    expect(text(['a'])).toBeUndefined();
    expect(text(true)).toBeUndefined();
    expect(text(undefined)).toBeUndefined();
  });
});

describe('oneOfParam and numberOfParam', () => {
  it('keep only an offered value, after normalising', () => {
    expect(oneOfParam(' active ', ['ACTIVE', 'DELETED'], upperCase)).toBe('ACTIVE');
    expect(oneOfParam('active', ['ACTIVE', 'DELETED'])).toBeUndefined();
    expect(oneOfParam(1, ['1'])).toBeUndefined();
    expect(numberOfParam('50', [20, 50])).toBe(50);
    expect(numberOfParam(50, [20, 50])).toBe(50);
    expect(numberOfParam(30, [20, 50])).toBeUndefined();
    expect(numberOfParam('', [0])).toBeUndefined();
    expect(numberOfParam(null, [0])).toBeUndefined();
  });
});

