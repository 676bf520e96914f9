import type { ConnectionRow, EnhancedConnection } from '@dsc/api-types';

type Shown =
  | 'id'
  | 'name'
  | 'status'
  | 'available_queue_info'
  | 'dest_vpc_id'
  | 'dest_network_id'
  | 'create_time'
  | 'elastic_resource_pools'
  | 'isPrivis'
  | 'ipv6_enable'
  | 'routetable_id'
  | 'tags';
type ListedConnection = Pick<EnhancedConnection, Shown> & { hosts?: readonly unknown[] | undefined };

/**
 * The lean row a list shows: the fields the list columns, filters and bulk actions read, and a
 * host count instead of the hosts (one connection may carry 20,000). Unknown upstream fields are
 * not passed on, so a list never grows with what it does not show.
 */
export function leanRow(c: ListedConnection, target?: string): ConnectionRow {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    available_queue_info: c.available_queue_info,
    dest_vpc_id: c.dest_vpc_id,
    dest_network_id: c.dest_network_id,
    create_time: c.create_time,
    host_count: c.hosts?.length ?? 0,
    ...(c.elastic_resource_pools !== undefined ? { elastic_resource_pools: c.elastic_resource_pools } : {}),
    ...(c.isPrivis !== undefined ? { isPrivis: c.isPrivis } : {}),
    ...(c.ipv6_enable !== undefined ? { ipv6_enable: c.ipv6_enable } : {}),
    ...(c.routetable_id !== undefined ? { routetable_id: c.routetable_id } : {}),
    ...(c.tags !== undefined ? { tags: c.tags } : {}),
    ...(target !== undefined ? { target } : {}),
  };
}
