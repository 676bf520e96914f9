import * as z from 'zod';
import { ListEnhancedConnectionsQuery } from './dli.ts';
import { queryInt } from './primitives.ts';
import { CONNECTION_SORTS, CONNECTION_VIEW_PAGE_MAX, QUEUE_STATUS_FILTERS } from './values.ts';

const upper = (allowed: readonly string[]) =>
  z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(allowed as [string, ...string[]], { error: `must be one of ${allowed.join(', ')}` }));

/**
 * `GET /api/views/dli/enhanced-connections`: the web's URL parameters. `name`, `status` and `tags`
 * are the upstream's own filters (its matching rules); `queues`, `sort` and paging run over the
 * whole filtered list in the BFF. `pageSize=0` is every matching row. `refresh=1` skips the cache.
 * The answer is ConnectionsViewPage (connection-view-page.ts).
 */
export const ConnectionsViewQuery = z.strictObject({
  sort: z.enum(CONNECTION_SORTS, { error: `must be one of ${CONNECTION_SORTS.join(', ')}` }).default('-created'),
  queues: upper(QUEUE_STATUS_FILTERS)
    .transform((v) => v as (typeof QUEUE_STATUS_FILTERS)[number])
    .optional(),
  name: ListEnhancedConnectionsQuery.shape.name,
  status: ListEnhancedConnectionsQuery.shape.status,
  tags: ListEnhancedConnectionsQuery.shape.tags,
  page: queryInt(1, 1_000_000).transform(Number).default(1),
  pageSize: queryInt(0, CONNECTION_VIEW_PAGE_MAX).transform(Number).default(20),
  refresh: z.enum(['1', 'true'], { error: 'must be 1 or true' }).optional(),
});
export type ConnectionsViewQuery = z.output<typeof ConnectionsViewQuery>;
export type ConnectionsViewQueryInput = z.input<typeof ConnectionsViewQuery>;
