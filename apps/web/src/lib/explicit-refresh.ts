/**
 * The user's explicit refresh (the refresh button) asks the BFF for fresh data: its reads carry
 * `Cache-Control: no-cache`, so they do not take an answer another viewer fetched within the last
 * second (the BFF's read sharing, decision 015). Polls and page loads do not, and share.
 *
 * TanStack Query starts a refetch's request synchronously (refetch → queryFn → bffRequest →
 * fetch), so a flag held for the duration of the `refetch()` call marks exactly its requests.
 */
let depth = 0;

export function explicitRefresh<T>(start: () => T): T {
  depth++;
  try {
    return start();
  } finally {
    depth--;
  }
}

/** True while an explicit refresh is starting its requests. */
export const explicitRefreshUnderway = (): boolean => depth > 0;
