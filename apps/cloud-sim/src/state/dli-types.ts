import type { Host, Tag } from '@dsc/api-types';
import type { Transition } from '../timing.ts';

export type BindingStatus = 'CREATING' | 'ACTIVE' | 'FAILED';

export interface PendingOutcome {
  transition: Transition;
  status: 'ACTIVE' | 'FAILED';
  errMsg: string;
}

/** One queue (or elastic resource pool) bound to an enhanced connection: one VPC peering. */
export interface QueueBinding {
  peerId: string;
  name: string;
  status: BindingStatus;
  errMsg: string;
  updateTime: number;
  pending?: PendingOutcome;
}

/**
 * Seeded host lists are generated on first read (then kept): seeding 20,000 connections must be
 * fast, and their hundreds of thousands of hosts are pure functions of these few drawn values.
 */
export interface LazyHosts {
  count: number;
  prefix: string;
  tag: string;
  subnet: number;
}

export interface RouteRec {
  name: string;
  cidr: string;
  createTime: number;
}

/** A project another project's connection has been shared with (`edsconnections.<id>`). */
export interface GrantRec {
  projectId: string;
  privileges: string[];
}

export interface EnhancedConnectionRec {
  id: string;
  name: string;
  status: 'ACTIVE' | 'DELETED';
  destVpcId: string;
  destNetworkId: string;
  routetableId?: string;
  /** Upstream's inverted flag: false means the project HAS the permission. */
  isPrivis: boolean;
  createTime: number;
  hosts: Host[] | LazyHosts;
  ipv6Enable: boolean;
  tags: Tag[];
  queues: QueueBinding[];
  pools: QueueBinding[];
  /** The destination subnet's range: addresses in it are reachable without a route. */
  networkCidr: string;
  routes: RouteRec[];
  grants: GrantRec[];
}

/** A type alias (not an interface) so it fits api-types' loose Queue shape. */
export type QueueRec = {
  queue_name: string;
  queue_type: 'sql' | 'general';
  cu_count: number;
  /** 0 shared, 1 dedicated */
  resource_mode: 0 | 1;
  /** 1 per CU-hour, 2 yearly/monthly */
  charging_mode: 1 | 2;
  elastic_resource_pool_name: string | null;
  create_time: number;
  owner: string;
  description: string;
  tags: Tag[];
};

export interface BasicQueueRec {
  uuid: string;
  name: string;
  status: BindingStatus;
  errMsg: string;
  updateTime: number;
}

export interface BasicConnectionRec {
  connectionId: string;
  name: string;
  destination: string;
  state: 'CREATING' | 'ACTIVE' | 'FAILED' | 'DELETED';
  process: number;
  connectionUrl: string;
  clusterName: string;
  service: string;
  createTime: number;
  connectivity?: string;
  queues: BasicQueueRec[];
  /** While CREATING: `process` rises from `startProcess` to 1.0, then the state turns ACTIVE. */
  pending?: { transition: Transition; startProcess: number };
}
