import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';

const MAX_READ_RETRIES = 2;

/** Client errors (4xx) will not change on retry; network and 5xx failures may. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_READ_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: shouldRetryRead,
      },
      // A retried write could apply twice upstream: writes are never retried automatically.
      mutations: { retry: false },
    },
  });
}
