import { z } from 'zod';
import { pageParam, textParam } from '../../lib/search-params.ts';
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

const upper = z.string().transform((v) => v.trim().toUpperCase());

// A pasted or hand-edited URL must never break the page: each bad value falls back on its own.
export const connectionsSearchSchema = z.object({
  page: pageParam(connectionsSearchDefaults.page),
  pageSize: z
    .union([
      z.literal('all'),
      z.coerce.number().pipe(z.literal(NUMERIC_PAGE_SIZES)),
    ])
    .default(connectionsSearchDefaults.pageSize)
    .catch(connectionsSearchDefaults.pageSize),
  name: textParam(64),
  status: upper.pipe(z.enum(CONNECTION_STATUSES)).optional().catch(undefined),
  // Kept in the upstream's own `k=v,k2=v2` form, normalised (trimmed) so equal filters share a URL.
  tags: z
    .string()
    .transform((v, ctx) => {
      const pairs = parseTagFilter(v);
      const text = pairs && formatTagFilter(pairs);
      if (!text) {
        ctx.addIssue({ code: 'custom', message: 'not a tag filter' });
        return z.NEVER;
      }
      return text;
    })
    .optional()
    .catch(undefined),
  queues: upper.pipe(z.enum(QUEUE_STATUS_FILTERS)).optional().catch(undefined),
  sort: z.enum(SORTS).default(connectionsSearchDefaults.sort).catch(connectionsSearchDefaults.sort),
});

export type ConnectionsSearch = z.output<typeof connectionsSearchSchema>;

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
