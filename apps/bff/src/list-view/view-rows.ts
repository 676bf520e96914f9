import type { ConnectionRow, ConnectionSort, QueueStatusFilter } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types';

// Pure functions over list rows, for one target's list and for the fleet's merged list alike:
// rows may carry `target`, which breaks ties so that the order is total and pages never overlap.

type Row = Pick<ConnectionRow, 'id' | 'name' | 'create_time' | 'available_queue_info' | 'target'>;

/** "ACTIVE" means every bound queue is ACTIVE, and there is at least one. */
export function matchesQueueFilter(row: Row, filter: QueueStatusFilter): boolean {
  const statuses = row.available_queue_info.map((q) => queueStatusOf(q.status));
  if (filter === 'ACTIVE') return statuses.length > 0 && statuses.every((s) => s === 'ACTIVE');
  return statuses.includes(filter);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const byIdentity = (a: Row, b: Row) =>
  (a.target ?? '').localeCompare(b.target ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byName = (a: Row, b: Row) => collator.compare(a.name, b.name) || byIdentity(a, b);
const byCreated = (a: Row, b: Row) => a.create_time - b.create_time || byName(a, b);

/** A total order for `sort` (`-` descending); equal names and times fall back to target and id. */
export function comparatorFor(sort: ConnectionSort): (a: Row, b: Row) => number {
  const base = sort.endsWith('name') ? byName : byCreated;
  return sort.startsWith('-') ? (a, b) => base(b, a) : base;
}

/** A sorted copy; the input is not changed. */
export function sortRows<R extends Row>(rows: readonly R[], sort: ConnectionSort): R[] {
  return [...rows].sort(comparatorFor(sort));
}

export function filterRows<R extends Row>(rows: readonly R[], queues: QueueStatusFilter | undefined): readonly R[] {
  return queues ? rows.filter((r) => matchesQueueFilter(r, queues)) : rows;
}

export interface Paging {
  /** 1-based. */
  page: number;
  /** 0 = every row on one page. */
  pageSize: number;
}

export function pageRows<R>(rows: readonly R[], { page, pageSize }: Paging): R[] {
  if (pageSize === 0) return page === 1 ? [...rows] : [];
  const start = (page - 1) * pageSize;
  return rows.slice(start, start + pageSize);
}

export interface RowView extends Paging {
  sort: ConnectionSort;
  queues?: QueueStatusFilter | undefined;
}

/** Filter, sort and page in one call: `count` is every matching row, `rows` one page of them. */
export function viewRows<R extends Row>(rows: readonly R[], view: RowView): { rows: R[]; count: number } {
  const matching = sortRows(filterRows(rows, view.queues), view.sort);
  return { rows: pageRows(matching, view), count: matching.length };
}
