import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { SignInThrottledError } from '../../lib/session.ts';
import { formatWait, signInProblem } from './sign-in-problem.ts';

const apiError = (status: number) => new ApiError({ status, code: 'X', message: 'm' });

describe('signInProblem', () => {
  it('tells wrong credentials, throttling and anything else apart', () => {
    expect(signInProblem(apiError(401))).toEqual({ kind: 'credentials' });
    expect(signInProblem(new SignInThrottledError(apiError(429), 30))).toEqual({ kind: 'throttled', retryAfterSeconds: 30 });
    expect(signInProblem(apiError(429))).toEqual({ kind: 'throttled', retryAfterSeconds: undefined });
    const other = apiError(500);
    expect(signInProblem(other)).toEqual({ kind: 'other', error: other });
  });
});

describe('formatWait', () => {
  it('uses the largest sensible unit and rounds up', () => {
    expect(formatWait(1, 'en')).toBe('1 second');
    expect(formatWait(45, 'en')).toBe('45 seconds');
    expect(formatWait(61, 'en')).toBe('2 minutes');
    expect(formatWait(3600, 'en')).toBe('1 hour');
    expect(formatWait(0, 'en')).toBe('1 second');
  });

  it('speaks the UI language', () => {
    expect(formatWait(30, 'zh-CN')).toContain('30');
    expect(formatWait(30, 'zh-CN')).toMatch(/秒/);
  });
});
