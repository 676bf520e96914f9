import {
  numberOfParam,
  oneOfParam,
  pageParam,
  searchValidator,
  textParam,
  upperCase,
} from '../../lib/search-params.ts';
import {
  CONNECTION_SORTS as SORTS,
  QUEUE_STATUS_FILTERS,
  type ConnectionSort,
  type QueueStatusFilter,
} from '@dsc/api-types/meta';
import { formatTagFilter, parseTagFilter } from './tags-filter.ts';

/** Rows per page; "all" shows every matching connection on one page. */
export const PAGE_SIZES = [20, 50, 100, 200, 'all'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const NUMERIC_PAGE_SIZES = [20, 50, 100, 200] as const;

export const CONNECTION_STATUSES = ['ACTIVE', 'DELETED'] as const;
export type ConnectionStatusFilter = (typeof CONNECTION_STATUSES)[number];

// The BFF sorts and filters the whole list by these (api-types: one list for both sides).
export {
  CONNECTION_SORTS as SORTS,
  QUEUE_STATUS_FILTERS,
  type ConnectionSort,
  type QueueStatusFilter,
} from '@dsc/api-types/meta';

export const connectionsSearchDefaults = {
  page: 1,
  pageSize: 20,
  sort: '-created',
} as const satisfies { page: number; pageSize: PageSize; sort: ConnectionSort };

export interface ConnectionsSearch {
  page: number;
  pageSize: PageSize;
  name?: string | undefined;
  status?: ConnectionStatusFilter | undefined;
  /** Kept in the upstream's own `k=v,k2=v2` form, normalised (trimmed) so equal filters share a URL. */
  tags?: string | undefined;
  queues?: QueueStatusFilter | undefined;
  sort: ConnectionSort;
}

/**
 * The URL's search to the list's view. A pasted or hand-edited URL never breaks the page: each bad
 * value falls back on its own.
 */
export function parseConnectionsSearch(raw: Record<string, unknown>): ConnectionsSearch {
  const tagPairs = typeof raw.tags === 'string' ? parseTagFilter(raw.tags) : undefined;
  return {
    page: pageParam(raw.page, connectionsSearchDefaults.page),
    pageSize:
      raw.pageSize === 'all'
        ? 'all'
        : (numberOfParam(raw.pageSize, NUMERIC_PAGE_SIZES) ?? connectionsSearchDefaults.pageSize),
    name: textParam(raw.name, 64),
    status: oneOfParam(raw.status, CONNECTION_STATUSES, upperCase),
    tags: (tagPairs && formatTagFilter(tagPairs)) || undefined,
    queues: oneOfParam(raw.queues, QUEUE_STATUS_FILTERS, upperCase),
    sort: oneOfParam(raw.sort, SORTS) ?? connectionsSearchDefaults.sort,
  };
}

export const validateConnectionsSearch = searchValidator(parseConnectionsSearch);

/** The filters the cloud applies (the queue filter is the console's own). */
export function hasServerFilter(s: ConnectionsSearch): boolean {
  return Boolean(s.name || s.status || s.tags);
}

export function hasAnyFilter(s: ConnectionsSearch): boolean {
  return hasServerFilter(s) || Boolean(s.queues);
}

/** "All" shows one page, whatever page number the URL carries. */
export function effectivePage(s: ConnectionsSearch): number {
  return s.pageSize === 'all' ? 1 : s.page;
}
