import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime, RELATIVE_WITHIN_MS } from './format.ts';

describe('formatDateTime', () => {
  const ms = Date.UTC(2024, 0, 15, 23, 30, 5);

  it('shows local time as text and the UTC instant for the tooltip', () => {
    const f = formatDateTime(ms, 'en-GB', 'Asia/Shanghai');
    expect(f?.iso).toBe('2024-01-15T23:30:05.000Z');
    expect(f?.local).toContain('07:30:05'); // UTC+8, next day
    expect(f?.local).toContain('16 Jan 2024');
    expect(f?.utc).toBe('15 Jan 2024, 23:30:05 UTC');
  });

  it('reads ISO strings as DWS sends them', () => {
    expect(formatDateTime('2018-02-10T14:28:14Z', 'en-GB', 'UTC')?.local).toBe(
      '10 Feb 2018, 14:28:14',
    );
  });

  it('gives undefined for missing or unparseable values', () => {
    expect(formatDateTime(undefined, 'en')).toBeUndefined();
    expect(formatDateTime(null, 'en')).toBeUndefined();
    expect(formatDateTime('', 'en')).toBeUndefined();
    expect(formatDateTime('yesterday', 'en')).toBeUndefined();
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 11, 5, 12, 0, 0);
  it('words a recent time in the chosen language, and gives up a week away', () => {
    expect(formatRelativeTime(now - 20_000, now, 'en')).toBe('now');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(now - 86_400_000, now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(now + 2 * 3_600_000, now, 'en')).toBe('in 2 hours');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'zh-CN')).toBe('5分钟前');
    expect(formatRelativeTime(now - RELATIVE_WITHIN_MS, now, 'en')).toBeUndefined();
    expect(formatRelativeTime(Number.NaN, now, 'en')).toBeUndefined();
  });
});
