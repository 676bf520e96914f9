import { describe, expect, it } from 'vitest';
import { pageParam, textParam } from './search-params.ts';

describe('pageParam', () => {
  const page = pageParam(1);
  it('keeps a page number, from text too', () => {
    expect(page.parse(3)).toBe(3);
    expect(page.parse('7')).toBe(7);
  });
  it('falls back on the first page for anything else', () => {
    for (const bad of [0, -2, 1.5, 'x', 1_000_001]) expect(page.parse(bad)).toBe(1);
    expect(page.parse(undefined)).toBe(1);
  });
});

describe('textParam', () => {
  const text = textParam(5);
  it('trims, and takes numbers back as text', () => {
    expect(text.parse('  ab ')).toBe('ab');
    expect(text.parse(123)).toBe('123');
  });
  it('drops blank, too long or non-text values', () => {
    expect(text.parse('   ')).toBeUndefined();
    expect(text.parse('abcdef')).toBeUndefined();
    expect(text.parse({ a: 1 })).toBeUndefined();
    expect(text.parse(undefined)).toBeUndefined();
  });
});
