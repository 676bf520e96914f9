import type { ListEnhancedConnectionsResponse } from '@dsc/api-types';
import type { QueryClient } from '@tanstack/react-query';
import { currentTarget } from '../../lib/current-target.ts';
import { connectionKeys } from './queries.ts';

export type PrivisState = 'granted' | 'not-granted' | 'unknown';

/** `isPrivis` is inverted upstream: false means the project HAS been granted the permission. */
export function privisState(isPrivis: boolean | undefined): PrivisState {
  if (isPrivis === undefined) return 'unknown';
  return isPrivis ? 'not-granted' : 'granted';
}

/**
 * The get-one API leaves `isPrivis` out; a list page already fetched may have it for the same
 * connection, so the detail can still say something definite.
 */
export function listedPrivis(queryClient: QueryClient, id: string): boolean | undefined {
  const pages = queryClient.getQueriesData<ListEnhancedConnectionsResponse>({ queryKey: connectionKeys.lists() });
  const target = currentTarget() ?? null;
  for (const [key, page] of pages) {
    // The same id on another target is another connection.
    const scope = key[key.length - 1] as { target?: string | null } | undefined;
    if (scope?.target !== undefined && scope.target !== target) continue;
    const hit = page?.connections?.find((c) => c.id === id);
    if (hit && typeof hit.isPrivis === 'boolean') return hit.isPrivis;
  }
  return undefined;
}
