import * as z from 'zod/mini';
import { ConnectionRow } from './connection-view-page.ts';

// The merged list's answer, in zod/mini: the fleet list reads its first page with it before zod
// loads. Its query is in fleet.ts.

export const FleetTargetError = z.object({
  code: z.string(),
  message: z.string(),
  status: z.int(),
  requestId: z.optional(z.string()),
});

export const FleetTargetStatus = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('ok'), count: z.int() }),
  z.object({ id: z.string(), status: z.literal('error'), error: FleetTargetError }),
]);
export type FleetTargetStatus = z.infer<typeof FleetTargetStatus>;

/** A lean list row (a host count, never the hosts) with the target it came from. */
export const FleetConnection = z.extend(ConnectionRow, { target: z.string() });
export type FleetConnection = z.infer<typeof FleetConnection>;

/** `count` is the merged list's length (matching the filters); `connections` the page asked for. */
export const FleetConnectionsResponse = z.object({
  count: z.int(),
  connections: z.array(FleetConnection),
  targets: z.array(FleetTargetStatus),
});
export type FleetConnectionsResponse = z.infer<typeof FleetConnectionsResponse>;
