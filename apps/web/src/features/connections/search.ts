import {
  numberOfParam,
  oneOfParam,
  pageParam,
  searchValidator,
  textParam,
  upperCase,
} from '../../lib/search-params.ts';
import { formatTagFilter, parseTagFilter } from './tags-filter.ts';

/** Rows per page; "all" asks upstream for everything at once (limit=0). */
export const PAGE_SIZES = [20, 50, 100, 200, 'all'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const NUMERIC_PAGE_SIZES = [20, 50, 100, 200] as const;

export const CONNECTION_STATUSES = ['ACTIVE', 'DELETED'] as const;
export type ConnectionStatusFilter = (typeof CONNECTION_STATUSES)[number];

/** Per-queue binding status: any queue FAILED, any CREATING, or every queue ACTIVE. */
export const QUEUE_STATUS_FILTERS = ['FAILED', 'CREATING', 'ACTIVE'] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/** `-` means descending. Upstream returns its own order, so sorting is done in the browser. */
export const SORTS = ['-created', 'created', 'name', '-name'] as const;
export type ConnectionSort = (typeof SORTS)[number];

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

/** The part of the view upstream filters by (the rest is applied to the fetched rows). */
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
