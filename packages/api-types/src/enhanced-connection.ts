import * as z from 'zod/mini';

// The connection as the upstream reports it, written with zod/mini: the web's first answers (the
// list rows) are read with it, and zod/mini is about half of zod's size in the browser; the
// BFF composes these into its zod schemas like any other (both are zod's core types).

/**
 * Routes as a connection's detail reports them. The published response models have no `routes`;
 * the simulator sends them and a real answer without them reads as "not reported".
 */
export const ConnectionRoute = z.looseObject({
  name: z.string(),
  cidr: z.string(),
  create_time: z.nullable(z.optional(z.number())),
});
export type ConnectionRoute = z.infer<typeof ConnectionRoute>;

export const AvailableQueueInfo = z.looseObject({
  peer_id: z.optional(z.string()),
  // Tolerant: the docs mix cases; the web normalises with queueStatusOf().
  status: z.string(),
  name: z.string(),
  err_msg: z.nullable(z.optional(z.string())),
  update_time: z.optional(z.number()),
});
export type AvailableQueueInfo = z.infer<typeof AvailableQueueInfo>;

export const EnhancedConnection = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  available_queue_info: z._default(z.array(AvailableQueueInfo), []),
  elastic_resource_pools: z.optional(z.union([z.array(z.looseObject({})), z.array(z.string())])),
  dest_vpc_id: z.string(),
  dest_network_id: z.string(),
  /** Inverted upstream: false means the project HAS been granted the permission. */
  isPrivis: z.optional(z.boolean()),
  create_time: z.number(),
  hosts: z._default(z.array(z.looseObject({ name: z.string(), ip: z.string() })), []),
  ipv6_enable: z.optional(z.boolean()),
  routetable_id: z.optional(z.string()),
  tags: z.optional(z.array(z.looseObject({ key: z.string(), value: z.string() }))),
  /** Not in the published models (docs/upstream-api-additions.md): absent means "not reported". */
  routes: z.optional(z.array(ConnectionRoute)),
});
export type EnhancedConnection = z.infer<typeof EnhancedConnection>;
