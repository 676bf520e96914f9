import type { FleetConnectionsResponse } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { bffRequest, type QueryValue } from '../../lib/api-client.ts';
import { loadAnswerSchemas } from '../../lib/api-schemas.ts';
import type { ConnectionListParams } from '../connections/queries.ts';
import type { QueueStatusFilter } from '../connections/search.ts';

export const FLEET_PATH = '/api/fleet/dli/enhanced-connections';
/** Poll this often while a queue on screen is still being bound, as the single-target list does. */
export const FLEET_CREATING_POLL_MS = 5_000;

export interface FleetListParams extends ConnectionListParams {
  /** "all" or target ids separated by commas. */
  targets: string;
  /** Only FAILED and CREATING are asked of the server ("has a queue in that state"); ACTIVE is "every queue", applied in the page. */
  queues?: QueueStatusFilter | undefined;
}

export const fleetKeys = {
  all: ['fleet'] as const,
  lists: () => [...fleetKeys.all, 'dli', 'enhanced-connections'] as const,
  list: (p: FleetListParams) => [...fleetKeys.lists(), toFleetQuery(p)] as const,
};

const fleetSchema = async () => (await loadAnswerSchemas()).FleetConnectionsResponse;

/** Page numbers in the URL, limit/offset on the server (limit 0 = the whole merged list). */
export function toFleetQuery(p: FleetListParams): Record<string, string> {
  const q: Record<string, string> = {
    targets: p.targets,
    limit: String(p.pageSize),
    offset: String(p.pageSize === 0 ? 0 : (p.page - 1) * p.pageSize),
  };
  if (p.name) q.name = p.name;
  if (p.status) q.status = p.status;
  if (p.tags) q.tags = p.tags;
  if (p.queues === 'FAILED' || p.queues === 'CREATING') q.queues = p.queues;
  return q;
}

export function fetchFleetConnections(query: Readonly<Record<string, QueryValue>>, signal?: AbortSignal): Promise<FleetConnectionsResponse> {
  return bffRequest({ method: 'GET', path: FLEET_PATH, query, schema: fleetSchema, signal });
}

export function hasCreatingQueueIn(data: FleetConnectionsResponse | undefined): boolean {
  return data?.connections.some((c) => c.available_queue_info.some((q) => queueStatusOf(q.status) === 'CREATING')) ?? false;
}

export function fleetListOptions(p: FleetListParams) {
  return queryOptions({
    queryKey: fleetKeys.list(p),
    queryFn: ({ signal }) => fetchFleetConnections(toFleetQuery(p), signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (hasCreatingQueueIn(q.state.data) ? FLEET_CREATING_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
}
