import { describe, expect, it } from 'vitest';
import { fmt, fmtKB, fmtPct, median, percentile, ratio } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank of the sorted samples', () => {
    const s = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(s, 50)).toBe(5);
    expect(percentile(s, 90)).toBe(9);
    expect(percentile(s, 99)).toBe(10);
    expect(percentile(s, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('formatting', () => {
  it('prints figures with fixed decimals and a dash for undefined ones', () => {
    expect(fmt(12345.678, 1)).toBe('12,345.7');
    expect(fmt(Number.NaN)).toBe('–');
    expect(fmtKB(149_999)).toBe('150.0 kB');
    expect(fmtPct(ratio(3, 4))).toBe('75 %');
    expect(fmtPct(ratio(1, 0))).toBe('–');
  });
});
