import type { FleetConnection } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import type { ConnectionSort, QueueStatusFilter } from '../connections/search.ts';

/**
 * The merged list arrives whole (`limit=0`): sort and the queue-status filter run over it here,
 * with the single-target view's rules (apps/bff/src/list-view/view-rows.ts).
 * "ACTIVE" means every bound queue is ACTIVE, and there is at least one.
 */
export function matchesQueueFilter(c: FleetConnection, filter: QueueStatusFilter): boolean {
  const statuses = c.available_queue_info.map((q) => queueStatusOf(q.status));
  if (filter === 'ACTIVE') return statuses.length > 0 && statuses.every((s) => s === 'ACTIVE');
  return statuses.includes(filter);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(sort: ConnectionSort) {
  const desc = sort.startsWith('-');
  const byName = (a: FleetConnection, b: FleetConnection) =>
    collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const byCreated = (a: FleetConnection, b: FleetConnection) =>
    a.create_time - b.create_time || byName(a, b);
  const base = sort.endsWith('name') ? byName : byCreated;
  return desc ? (a: FleetConnection, b: FleetConnection) => base(b, a) : base;
}

export interface ClientView {
  queues?: QueueStatusFilter | undefined;
  sort: ConnectionSort;
}

/** The rows to show: the fetched ones, filtered by queue status and sorted; the input is not changed. */
export function applyClientView(
  rows: readonly FleetConnection[],
  view: ClientView,
): FleetConnection[] {
  const { queues } = view;
  const kept = queues ? rows.filter((c) => matchesQueueFilter(c, queues)) : [...rows];
  return kept.sort(compare(view.sort));
}
