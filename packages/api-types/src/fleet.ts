import * as z from 'zod';
import { ListEnhancedConnectionsQuery } from './dli.ts';
import { queryInt } from './primitives.ts';
import { QUEUE_BINDING_STATUSES, TARGET_ID_PATTERN } from './values.ts';

const targetList = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((v) => v === 'all' || v.split(',').every((id) => TARGET_ID_PATTERN.test(id)), 'must be "all" or target ids separated by commas');

/**
 * GET /api/fleet/dli/enhanced-connections: the list's own upstream filters (name, status, tags),
 * `queues` (connections with a bound queue in one of these states), and paging over the merged
 * list (`limit=0`: all, as upstream). The answer is FleetConnectionsResponse (fleet-answer.ts).
 */
export const FleetConnectionsQuery = z.strictObject({
  targets: targetList.optional(),
  name: ListEnhancedConnectionsQuery.shape.name,
  status: ListEnhancedConnectionsQuery.shape.status,
  tags: ListEnhancedConnectionsQuery.shape.tags,
  queues: z
    .string()
    .refine(
      (v) => v.split(',').every((s) => (QUEUE_BINDING_STATUSES as readonly string[]).includes(s)),
      `must be queue states separated by commas (${QUEUE_BINDING_STATUSES.join(', ')})`,
    )
    .optional(),
  limit: queryInt(0, 10_000).optional(),
  offset: queryInt(0, 10_000_000).optional(),
});
export type FleetConnectionsQuery = z.infer<typeof FleetConnectionsQuery>;
