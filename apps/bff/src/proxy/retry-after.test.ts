import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterSeconds } from './retry-after.ts';
import { backoffMs, READ_BACKOFF } from './retry-policy.ts';

describe('parseRetryAfter', () => {
  const ref = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', ref)).toBe(7000);
    expect(parseRetryAfter(' 0 ', ref)).toBe(0);
  });
  it('reads an HTTP date against the reference time', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', ref)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', ref)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    for (const v of [undefined, '', '-3', '1.5', 'soon', '2026-10-21', '1e9']) expect(parseRetryAfter(v, ref)).toBeUndefined();
  });
  it('sends whole seconds, at least one', () => {
    expect(retryAfterSeconds(1)).toBe('1');
    expect(retryAfterSeconds(1001)).toBe('2');
    expect(retryAfterSeconds(0)).toBe('1');
  });
});

describe('backoffMs', () => {
  it('grows exponentially up to the cap, with half of each step jittered', () => {
    expect(backoffMs(1, READ_BACKOFF, () => 0)).toBe(100);
    expect(backoffMs(1, READ_BACKOFF, () => 1)).toBe(200);
    expect(backoffMs(2, READ_BACKOFF, () => 1)).toBe(400);
    expect(backoffMs(3, READ_BACKOFF, () => 0.5)).toBe(600);
    expect(backoffMs(10, READ_BACKOFF, () => 1)).toBe(2000);
    expect(backoffMs(10, READ_BACKOFF, () => 0)).toBe(1000);
  });
});
