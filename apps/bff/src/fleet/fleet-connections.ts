import {
  catalogue,
  ListEnhancedConnectionsResponse,
  queueStatusOf,
  type FleetConnection,
  type FleetConnectionsQuery,
  type FleetConnectionsResponse,
  type FleetTargetStatus,
} from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { leanRow } from '../list-view/connection-row.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { answerFor } from '../proxy/upstream-answer.ts';
import { parseJsonSafe } from '../proxy/upstream-errors.ts';
import type { Target } from '../targets/targets.ts';

const LIST = 'dli.listEnhancedConnections' as const;

type TargetRows = { status: FleetTargetStatus; rows: FleetConnection[] };

/** One target's whole list (limit=0), under that target's own read deadline, limiter and keys. */
async function readTarget(target: Target, q: FleetConnectionsQuery, requestId: string): Promise<TargetRows> {
  const query: Record<string, string> = { limit: '0' };
  if (q.name) query.name = q.name;
  if (q.status) query.status = q.status;
  if (q.tags) query.tags = q.tags;
  const request = buildUpstreamRequest({ id: LIST, def: catalogue[LIST] }, { params: {}, query, body: undefined }, target.upstream, {});
  const result = await target.caller.call({ request, operationId: `fleet ${LIST}`, mutating: false, requestId });
  const answer = answerFor(LIST, result, target.caller.skew);
  const failed = (e: ApiError): TargetRows => ({
    status: {
      id: target.id,
      status: 'error',
      error: { code: e.code, message: e.message, status: e.status, ...(e.requestId ? { requestId: e.requestId } : {}) },
    },
    rows: [],
  });
  if (answer instanceof ApiError) return failed(answer);
  const parsed = ListEnhancedConnectionsResponse.safeParse(parseJsonSafe(answer.body));
  if (!parsed.success) {
    return failed(new ApiError('UPSTREAM_BAD_RESPONSE', 'The cloud answered the list with a body the console cannot read', { status: 502 }));
  }
  // List views never ship hosts (issue 20): a count instead.
  const rows = parsed.data.connections.map((c) => leanRow(c, target.id) as FleetConnection);
  return { status: { id: target.id, status: 'ok', count: rows.length }, rows };
}

/** Connections with at least one bound queue in one of `states`. */
function hasQueueIn(states: ReadonlySet<string>) {
  return (c: FleetConnection) => c.available_queue_info.some((q) => states.has(queueStatusOf(q.status)));
}

/**
 * Every selected target asked at once, each under its own deadline: a slow or failing one costs
 * its rows, never the answer. The merged list is ordered by creation time (the upstream's own
 * order within a target), then by the targets' order in the configuration, then by id — stable,
 * so paging through it neither repeats nor skips a row.
 */
export async function fleetConnections(targets: readonly Target[], q: FleetConnectionsQuery, requestId: string): Promise<FleetConnectionsResponse> {
  const order = new Map(targets.map((t, i) => [t.id, i]));
  const results = await Promise.all(targets.map((t) => readTarget(t, q, requestId)));
  let rows = results.flatMap((r) => r.rows);
  if (q.queues) rows = rows.filter(hasQueueIn(new Set(q.queues.split(','))));
  rows.sort(
    (a, b) =>
      a.create_time - b.create_time ||
      order.get(a.target)! - order.get(b.target)! ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const offset = Number(q.offset ?? 0);
  const limit = Number(q.limit ?? 100);
  return {
    count: rows.length,
    connections: limit === 0 ? rows.slice(offset) : rows.slice(offset, offset + limit),
    targets: results.map((r) => r.status),
  };
}
