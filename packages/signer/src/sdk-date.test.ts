import { describe, expect, it } from 'vitest';
import { formatSdkDate, parseSdkDate } from './sdk-date.ts';

describe('formatSdkDate', () => {
  it('writes UTC as YYYYMMDDTHHMMSSZ and drops milliseconds', () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 999)))).toBe('20191115T033655Z');
    expect(formatSdkDate(new Date('2024-02-29T23:59:59.000+02:00'))).toBe('20240229T215959Z');
    expect(formatSdkDate(new Date(Date.UTC(2000, 0, 1)))).toBe('20000101T000000Z');
  });

  it('rejects an invalid date', () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseSdkDate', () => {
  it('parses the basic format as UTC', () => {
    expect(parseSdkDate('20191115T033655Z')?.toISOString()).toBe('2019-11-15T03:36:55.000Z');
    expect(parseSdkDate('20240229T000000Z')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('round-trips with formatSdkDate', () => {
    for (let t = 946684800000; t < 2000000000000; t += 7777777777) {
      const d = new Date(t);
      expect(parseSdkDate(formatSdkDate(d))?.getTime()).toBe(Math.floor(t / 1000) * 1000);
    }
  });

  it.each([
    '',
    '2019-11-15T03:36:55Z',
    '20191115T033655',
    '20191115T033655z',
    '20191115 033655Z',
    '20191115T033655.000Z',
    ' 20191115T033655Z',
    '20191315T000000Z',
    '20190230T000000Z',
    '20230229T000000Z',
    '20191115T240000Z',
    '20191115T236000Z',
    '20191115T235960Z',
    '００１９1115T033655Z',
  ])('rejects %j', (s) => {
    expect(parseSdkDate(s)).toBeUndefined();
  });
});
