import { z } from 'zod';
import { ConnectionRow } from './connection-views.ts';
import { ListEnhancedConnectionsQuery } from './dli.ts';
import { ROLES } from './roles.ts';
import { queryInt } from './primitives.ts';
import { QUEUE_BINDING_STATUSES, TARGET_ID_PATTERN } from './values.ts';


/** One target the caller holds a role on (GET /api/targets). Never a credential or a variable name. */
export const TargetSummary = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  projectId: z.string(),
  role: z.enum(ROLES),
  default: z.boolean(),
});
export type TargetSummary = z.infer<typeof TargetSummary>;
export const TargetsResponse = z.object({ targets: z.array(TargetSummary) });
export type TargetsResponse = z.infer<typeof TargetsResponse>;

const targetList = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((v) => v === 'all' || v.split(',').every((id) => TARGET_ID_PATTERN.test(id)), 'must be "all" or target ids separated by commas');

/**
 * GET /api/fleet/dli/enhanced-connections: the list's own upstream filters (name, status, tags),
 * `queues` (connections with a bound queue in one of these states), and paging over the merged
 * list (`limit=0`: all, as upstream).
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

export const FleetTargetError = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().int(),
  requestId: z.string().optional(),
});

export const FleetTargetStatus = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('ok'), count: z.number().int() }),
  z.object({ id: z.string(), status: z.literal('error'), error: FleetTargetError }),
]);
export type FleetTargetStatus = z.infer<typeof FleetTargetStatus>;

/** A lean list row (a host count, never the hosts) with the target it came from. */
export const FleetConnection = ConnectionRow.extend({ target: z.string() });
export type FleetConnection = z.infer<typeof FleetConnection>;

/** `count` is the merged list's length (matching the filters); `connections` the page asked for. */
export const FleetConnectionsResponse = z.object({
  count: z.number().int(),
  connections: z.array(FleetConnection),
  targets: z.array(FleetTargetStatus),
});
export type FleetConnectionsResponse = z.infer<typeof FleetConnectionsResponse>;
