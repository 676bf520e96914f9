import { keepPreviousData, queryOptions, type Query } from '@tanstack/react-query';
import type { ListEnhancedConnectionsResponse, QueryOf } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { apiRequest } from '../../lib/api-client.ts';
import { currentTarget, targetKey } from '../../lib/current-target.ts';
import { effectivePage, type ConnectionStatusFilter, type ConnectionsSearch } from './search.ts';

/** Poll this often while any queue on screen is still being bound. */
export const CREATING_POLL_MS = 5_000;

/** What upstream filters and pages by. `pageSize` 0 means all (upstream `limit=0`). */
export interface ConnectionListParams {
  page: number;
  pageSize: number;
  name?: string | undefined;
  status?: ConnectionStatusFilter | undefined;
  tags?: string | undefined;
}

export const connectionKeys = {
  all: ['dli', 'enhanced-connections'] as const,
  lists: () => [...connectionKeys.all, 'list'] as const,
  list: (params: ConnectionListParams) =>
    [...connectionKeys.lists(), normaliseParams(params)] as const,
  details: () => [...connectionKeys.all, 'detail'] as const,
  detail: (id: string) => [...connectionKeys.details(), id] as const,
};

// The same view must give the same key whether a filter is absent or explicitly undefined.
function normaliseParams(p: ConnectionListParams): ConnectionListParams {
  return {
    page: p.pageSize === 0 ? 1 : p.page,
    pageSize: p.pageSize,
    ...(p.name ? { name: p.name } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.tags ? { tags: p.tags } : {}),
  };
}

/** The upstream part of the URL state: queue-status filter and sort only shape the fetched rows. */
export function listParamsFromSearch(s: ConnectionsSearch): ConnectionListParams {
  return normaliseParams({
    page: effectivePage(s),
    pageSize: s.pageSize === 'all' ? 0 : s.pageSize,
    name: s.name,
    status: s.status,
    tags: s.tags,
  });
}

/** Page numbers in the URL, limit/offset upstream. */
export function toListQuery(p: ConnectionListParams): QueryOf<'dli.listEnhancedConnections'> {
  return {
    limit: String(p.pageSize),
    offset: String(p.pageSize === 0 ? 0 : (p.page - 1) * p.pageSize),
    ...(p.name ? { name: p.name } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.tags ? { tags: p.tags } : {}),
  };
}

export function hasCreatingQueue(data: ListEnhancedConnectionsResponse | undefined): boolean {
  return (
    data?.connections.some((c) =>
      c.available_queue_info.some((q) => queueStatusOf(q.status) === 'CREATING'),
    ) ?? false
  );
}

/** refetchInterval: on while something visible is CREATING, off (false) as soon as nothing is. */
export function pollWhileCreating(
  query: Query<
    ListEnhancedConnectionsResponse,
    Error,
    ListEnhancedConnectionsResponse,
    readonly unknown[]
  >,
): number | false {
  return hasCreatingQueue(query.state.data) ? CREATING_POLL_MS : false;
}

/** `target`: absent = the one in the URL now; the key and the request name the same one. */
export function listConnectionsOptions(params: ConnectionListParams, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(connectionKeys.list(params), target),
    queryFn: ({ signal }) =>
      apiRequest('dli.listEnhancedConnections', { query: toListQuery(params), signal, target }),
    placeholderData: keepPreviousData,
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
    refetchInterval: pollWhileCreating,
    // Paused while the tab is in the background; TanStack Query resumes it on return.
    refetchIntervalInBackground: false,
  });
}

export function connectionDetailOptions(id: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(connectionKeys.detail(id), target),
    queryFn: ({ signal }) =>
      apiRequest('dli.getEnhancedConnection', { params: { connection_id: id }, signal, target }),
  });
}
