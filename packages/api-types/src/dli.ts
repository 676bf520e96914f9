import * as z from 'zod';
import { EnhancedConnection } from './enhanced-connection.ts';
import { intLike, ipv4, queryInt } from './primitives.ts';
import { MAX_HOSTS, QUEUE_BINDING_STATUSES } from './values.ts';

const dliResult = { is_success: z.boolean().optional(), message: z.string().optional() };

export const DliOkResponse = z.looseObject(dliResult);

export const CONNECTION_NAME = /^[A-Za-z0-9_]{1,64}$/;
export const ConnectionName = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_]*$/, 'may hold only letters, digits and underscores');

export const HOST_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;
export const Host = z.strictObject({
  name: z
    .string()
    .min(1, 'is required')
    .max(128, 'must be at most 128 characters')
    .regex(/^[A-Za-z]/, 'must start with a letter')
    .regex(/^[A-Za-z0-9_.-]*$/, 'may hold only letters, digits and _ - .'),
  ip: ipv4,
});
export type Host = z.infer<typeof Host>;
export const Hosts = z.array(Host).max(MAX_HOSTS, `must hold at most ${MAX_HOSTS} entries`);

const TAG_CHARS = /^[\p{L}\p{N} _.:=+\-@]*$/u;
export const Tag = z.strictObject({
  key: z
    .string()
    .min(1, 'is required')
    .max(128, 'must be at most 128 characters')
    .regex(TAG_CHARS, 'may hold only letters, digits, spaces and _ . : = + - @')
    .refine((v) => v.trim() === v, 'must not start or end with a space')
    .refine((v) => !v.startsWith('_sys_'), 'must not start with _sys_'),
  value: z
    .string()
    .min(1, 'is required')
    .max(255, 'must be at most 255 characters')
    .regex(TAG_CHARS, 'may hold only letters, digits, spaces and _ . : = + - @')
    .refine((v) => v.trim() === v, 'must not start or end with a space'),
});
export type Tag = z.infer<typeof Tag>;

const resourceName = z.string().min(1, 'is required').max(128, 'must be at most 128 characters');
const vpcResourceId = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'may hold only letters, digits and -');

export const CreateEnhancedConnectionBody = z.strictObject({
  name: ConnectionName,
  dest_vpc_id: vpcResourceId,
  dest_network_id: vpcResourceId,
  queues: z.array(resourceName).max(100).optional(),
  elastic_resource_pools: z.array(resourceName).max(100).optional(),
  routetable_id: vpcResourceId.optional(),
  hosts: Hosts.optional(),
  tags: z.array(Tag).max(20, 'must hold at most 20 tags').optional(),
});
export type CreateEnhancedConnectionBody = z.infer<typeof CreateEnhancedConnectionBody>;

export const CreateEnhancedConnectionResponse = z.looseObject({
  ...dliResult,
  connection_id: z.string(),
});

export const QueueBindingStatus = z.enum(QUEUE_BINDING_STATUSES);
export type QueueBindingStatus = z.infer<typeof QueueBindingStatus>;

export const ListEnhancedConnectionsQuery = z.strictObject({
  limit: queryInt(0, 1000).optional(),
  offset: queryInt(0, 10_000_000).optional(),
  status: z
    .string()
    .regex(/^(active|deleted)$/i, 'must be ACTIVE or DELETED')
    .optional(),
  name: z.string().max(64, 'must be at most 64 characters').optional(),
  tags: z
    .string()
    .max(1024)
    .regex(/^[^=,]+=[^=,]*(,[^=,]+=[^=,]*)*$/, 'must be k=v pairs separated by commas')
    .optional(),
});
export type ListEnhancedConnectionsQuery = z.infer<typeof ListEnhancedConnectionsQuery>;

export const ListEnhancedConnectionsResponse = z.looseObject({
  ...dliResult,
  count: intLike(0, Number.MAX_SAFE_INTEGER),
  connections: z.array(EnhancedConnection),
});
export type ListEnhancedConnectionsResponse = z.infer<typeof ListEnhancedConnectionsResponse>;

export const GetEnhancedConnectionResponse = z.looseObject({ ...dliResult, ...EnhancedConnection.shape });

export const QueueBindingBody = z
  .strictObject({
    queues: z.array(resourceName).max(100).optional(),
    elastic_resource_pools: z.array(resourceName).max(100).optional(),
  })
  .refine((b) => (b.queues?.length ?? 0) + (b.elastic_resource_pools?.length ?? 0) > 0, {
    message: 'name at least one queue or elastic resource pool',
    path: ['queues'],
  });
export type QueueBindingBody = z.infer<typeof QueueBindingBody>;

export const ReplaceHostsBody = z.strictObject({ hosts: Hosts });
export type ReplaceHostsBody = z.infer<typeof ReplaceHostsBody>;

export const BasicConnectionState = z.enum(['CREATING', 'ACTIVE', 'FAILED', 'DELETED']);
export const BasicConnection = z.looseObject({
  ...dliResult,
  connection_id: z.string(),
  destination: z.string().optional(),
  state: z.string(),
  process: z.number().min(0).max(1).optional(),
  name: z.string(),
  connection_url: z.string().optional(),
  cluster_name: z.string().optional(),
  service: z.string().optional(),
  create_time: z.number().optional(),
  /** In seed 004, not in the SDK model: optional. */
  connectivity: z.string().optional(),
  available_queue_info: z
    .array(
      z.looseObject({
        uuid: z.string().optional(),
        status: z.string(),
        name: z.string(),
        err_msg: z.string().optional().nullable(),
        update_time: z.number().optional(),
      }),
    )
    .default([]),
});
export type BasicConnection = z.infer<typeof BasicConnection>;

export const ListQueuesQuery = z.strictObject({
  queue_type: z.enum(['sql', 'general', 'all']).optional(),
  tags: z.string().max(1024).optional(),
});
export const Queue = z.looseObject({
  queue_name: z.string(),
  queue_type: z.string().optional(),
  cu_count: z.number().optional(),
  /** 0 shared, 1 dedicated */
  resource_mode: z.number().optional(),
  /** 1 per CU-hour, 2 yearly/monthly */
  charging_mode: z.number().optional(),
  elastic_resource_pool_name: z.string().optional().nullable(),
  create_time: z.number().optional(),
});
export type Queue = z.infer<typeof Queue>;
export const ListQueuesResponse = z.looseObject({ ...dliResult, queues: z.array(Queue).default([]) });
