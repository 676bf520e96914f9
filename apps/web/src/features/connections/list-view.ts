import type { EnhancedConnection } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import type { ConnectionSort, QueueStatusFilter } from './search.ts';

/**
 * Upstream cannot filter by queue status: this runs over the rows already fetched.
 * "ACTIVE" means every bound queue is ACTIVE, and there is at least one.
 */
export function matchesQueueFilter(c: EnhancedConnection, filter: QueueStatusFilter): boolean {
  const statuses = c.available_queue_info.map((q) => queueStatusOf(q.status));
  if (filter === 'ACTIVE') return statuses.length > 0 && statuses.every((s) => s === 'ACTIVE');
  return statuses.includes(filter);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(sort: ConnectionSort) {
  const desc = sort.startsWith('-');
  const byName = (a: EnhancedConnection, b: EnhancedConnection) =>
    collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const byCreated = (a: EnhancedConnection, b: EnhancedConnection) =>
    a.create_time - b.create_time || byName(a, b);
  const base = sort.endsWith('name') ? byName : byCreated;
  return desc ? (a: EnhancedConnection, b: EnhancedConnection) => base(b, a) : base;
}

export interface ClientView {
  queues?: QueueStatusFilter | undefined;
  sort: ConnectionSort;
}

/** The rows to show: the fetched ones, filtered by queue status and sorted; the input is not changed. */
export function applyClientView(
  rows: readonly EnhancedConnection[],
  view: ClientView,
): EnhancedConnection[] {
  const { queues } = view;
  const kept = queues ? rows.filter((c) => matchesQueueFilter(c, queues)) : [...rows];
  return kept.sort(compare(view.sort));
}
