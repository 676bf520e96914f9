import * as z from 'zod/mini';
import { EnhancedConnection } from './enhanced-connection.ts';

// The list view's answer, in zod/mini (see enhanced-connection.ts): the web reads the list's
// first page with it, before anything has loaded zod itself.

/**
 * One row of a connections list view: an enhanced connection without its hosts (a list shows a
 * count; the detail page loads the hosts), and the target it lives in when a view spans several.
 */
export const ConnectionRow = z.extend(z.omit(EnhancedConnection, { hosts: true }), {
  host_count: z.int().check(z.minimum(0)),
  target: z.optional(z.string()),
});
export type ConnectionRow = z.infer<typeof ConnectionRow>;

/**
 * `GET /api/views/dli/enhanced-connections` answers one page of the matching rows in the requested
 * order. `count` counts every row that matches all filters (the pager's total); `total` every row
 * the upstream listed for the upstream filters (before the queue filter). `asOf` is when the list
 * was fetched from the cloud.
 */
export const ConnectionsViewPage = z.object({
  connections: z.array(ConnectionRow),
  count: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
  page: z.int().check(z.minimum(1)),
  pageSize: z.int().check(z.minimum(0)),
  asOf: z.iso.datetime({ offset: true }),
});
export type ConnectionsViewPage = z.infer<typeof ConnectionsViewPage>;
