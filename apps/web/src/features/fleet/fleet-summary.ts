import type { FleetConnectionsResponse, FleetTargetStatus } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';

export interface TargetSummaryRow {
  id: string;
  status: FleetTargetStatus;
  /** Connections by their own status (ACTIVE, DELETED, …). */
  byStatus: Record<string, number>;
  total: number;
  /** Connections with at least one bound queue in that state (what `?queues=` filters by). */
  queuesFailed: number;
  queuesCreating: number;
}

/** One row per target, in the answer's order, counted from the whole merged list (limit 0). */
export function summariseFleet(data: FleetConnectionsResponse): TargetSummaryRow[] {
  const rows = new Map<string, TargetSummaryRow>(
    data.targets.map((s) => [s.id, { id: s.id, status: s, byStatus: {}, total: 0, queuesFailed: 0, queuesCreating: 0 }]),
  );
  for (const c of data.connections) {
    const row = rows.get(c.target);
    if (!row) continue;
    row.total += 1;
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + 1;
    const states = new Set(c.available_queue_info.map((q) => queueStatusOf(q.status)));
    if (states.has('FAILED')) row.queuesFailed += 1;
    if (states.has('CREATING')) row.queuesCreating += 1;
  }
  return [...rows.values()];
}
