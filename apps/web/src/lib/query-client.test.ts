import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createQueryClient, shouldRetryRead } from './query-client.ts';

const err = (status: number) => new ApiError({ status, code: 'X', message: 'x' });

describe('query client defaults', () => {
  it('never retries a 4xx: the same request will fail the same way', () => {
    for (const status of [400, 401, 403, 404, 409, 429])
      expect(shouldRetryRead(0, err(status))).toBe(false);
  });

  it('retries server and network failures twice', () => {
    expect(shouldRetryRead(0, err(502))).toBe(true);
    expect(shouldRetryRead(1, err(0))).toBe(true);
    expect(shouldRetryRead(2, err(503))).toBe(false);
    expect(shouldRetryRead(0, new Error('boom'))).toBe(true);
  });

  it('refetches on focus, keeps data fresh for 10 s and never retries writes', () => {
    const d = createQueryClient().getDefaultOptions();
    expect(d.queries?.refetchOnWindowFocus).toBe(true);
    expect(d.queries?.staleTime).toBe(10_000);
    expect(d.queries?.retry).toBe(shouldRetryRead);
    expect(d.mutations?.retry).toBe(false);
  });
});
