import {
  keepPreviousData,
  queryOptions,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import type { ConnectionRow, ConnectionsViewPage } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { apiRequest, bffRequest } from '../../lib/api-client.ts';
import { loadAnswerSchemas } from '../../lib/api-schemas.ts';
import {
  effectivePage,
  type ConnectionSort,
  type ConnectionStatusFilter,
  type ConnectionsSearch,
  type QueueStatusFilter,
} from './search.ts';
import { currentTarget, targetKey, targetPath } from '../../lib/current-target.ts';

/** Poll this often while any queue on screen is still being bound. */
export const CREATING_POLL_MS = 5_000;

/** The BFF's whole-list view of a target's connections (sorted and filtered over every row). */
export const CONNECTIONS_VIEW_PATH = '/api/views/dli/enhanced-connections';

/** One view of the list: every URL parameter. `pageSize` 0 means every matching row. */
export interface ConnectionListParams {
  page: number;
  pageSize: number;
  sort: ConnectionSort;
  queues?: QueueStatusFilter | undefined;
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
    sort: p.sort,
    ...(p.queues ? { queues: p.queues } : {}),
    ...(p.name ? { name: p.name } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.tags ? { tags: p.tags } : {}),
  };
}

export function listParamsFromSearch(s: ConnectionsSearch): ConnectionListParams {
  return normaliseParams({
    page: effectivePage(s),
    pageSize: s.pageSize === 'all' ? 0 : s.pageSize,
    sort: s.sort,
    queues: s.queues,
    name: s.name,
    status: s.status,
    tags: s.tags,
  });
}

/** The view's query string: the URL's own parameter names. */
export function toViewQuery(p: ConnectionListParams, refresh = false): Record<string, string> {
  const n = normaliseParams(p);
  const q: Record<string, string> = { sort: n.sort, page: String(n.page), pageSize: String(n.pageSize) };
  if (n.queues) q.queues = n.queues;
  if (n.name) q.name = n.name;
  if (n.status) q.status = n.status;
  if (n.tags) q.tags = n.tags;
  if (refresh) q.refresh = '1';
  return q;
}

const viewPage = async () => (await loadAnswerSchemas()).ConnectionsViewPage;

export function fetchConnectionsView(
  params: ConnectionListParams,
  {
    signal,
    refresh = false,
    target = currentTarget(),
  }: { signal?: AbortSignal | undefined; refresh?: boolean; target?: string | undefined } = {},
): Promise<ConnectionsViewPage> {
  return bffRequest({
    method: 'GET',
    path: targetPath(target, CONNECTIONS_VIEW_PATH),
    query: toViewQuery(params, refresh),
    schema: viewPage,
    signal,
  });
}

export function hasCreatingQueue(
  data: { connections: readonly Pick<ConnectionRow, 'available_queue_info'>[] } | undefined,
): boolean {
  return (
    data?.connections.some((c) =>
      c.available_queue_info.some((q) => queueStatusOf(q.status) === 'CREATING'),
    ) ?? false
  );
}

/** refetchInterval: on while something visible is CREATING, off (false) as soon as nothing is. */
export function pollWhileCreating(
  query: Query<ConnectionsViewPage, Error, ConnectionsViewPage, readonly unknown[]>,
): number | false {
  return hasCreatingQueue(query.state.data) ? CREATING_POLL_MS : false;
}

/** `target`: absent = the one in the URL now; the key and the request name the same one. */
export function listConnectionsOptions(params: ConnectionListParams, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(connectionKeys.list(params), target),
    queryFn: ({ signal }) => fetchConnectionsView(params, { signal, target }),
    placeholderData: keepPreviousData,
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
    refetchInterval: pollWhileCreating,
    // Paused while the tab is in the background; TanStack Query resumes it on return.
    refetchIntervalInBackground: false,
  });
}

/**
 * Refresh asks the BFF to read the cloud again (it otherwise shares a list a few seconds old);
 * the other pages kept here came from the older list, so they are marked stale too.
 */
export async function refreshConnectionsView(
  queryClient: QueryClient,
  params: ConnectionListParams,
  target = currentTarget(),
) {
  const fresh = await fetchConnectionsView(params, { refresh: true, target });
  await queryClient.invalidateQueries({ queryKey: connectionKeys.lists(), refetchType: 'none' });
  queryClient.setQueryData(targetKey(connectionKeys.list(params), target), fresh);
  return fresh;
}

export function connectionDetailOptions(id: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(connectionKeys.detail(id), target),
    queryFn: ({ signal }) =>
      apiRequest('dli.getEnhancedConnection', { params: { connection_id: id }, signal, target }),
  });
}
