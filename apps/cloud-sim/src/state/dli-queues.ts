import type { z } from 'zod';
import type { ListQueuesQuery } from '@dsc/api-types';
import { dliErrors } from '../http/service-error.ts';
import { progressOf } from '../timing.ts';
import type { BasicConnectionRec, QueueRec } from './dli-types.ts';
import type { SimEnv } from './env.ts';

type QueuesQuery = z.output<typeof ListQueuesQuery>;

/** Upstream quirk: without `queue_type` only SQL queues come back; `all` is needed for every queue. */
export function listQueues(queues: readonly QueueRec[], q: QueuesQuery) {
  const type = q.queue_type ?? 'sql';
  const tags = (q.tags ?? '')
    .split(',')
    .filter((p) => p.includes('='))
    .map((p) => p.split('=').map((s) => s.trim()) as [string, string]);
  return queues
    .filter((x) => type === 'all' || x.queue_type === type)
    .filter((x) => tags.every(([k, v]) => x.tags.some((t) => t.key === k && (v === '' || t.value === v))))
    .map((x) => ({
      queue_name: x.queue_name,
      queue_type: x.queue_type,
      cu_count: x.cu_count,
      resource_mode: x.resource_mode,
      charging_mode: x.charging_mode,
      elastic_resource_pool_name: x.elastic_resource_pool_name,
      create_time: x.create_time,
      owner: x.owner,
      description: x.description,
    }));
}

export class BasicConnections {
  constructor(
    private readonly byId: Map<string, BasicConnectionRec>,
    private readonly env: SimEnv,
  ) {}

  ids(): { connection_id: string; name: string; state: string }[] {
    return [...this.byId.values()].map((c) => ({ connection_id: c.connectionId, name: c.name, state: c.state }));
  }

  get(id: string) {
    const c = this.byId.get(id);
    if (!c) throw dliErrors.notFound(`The datasource connection ${id} does not exist.`);
    this.settle(c);
    return {
      connection_id: c.connectionId,
      destination: c.destination,
      state: c.state,
      process: c.process,
      name: c.name,
      connection_url: c.connectionUrl,
      cluster_name: c.clusterName,
      service: c.service,
      create_time: c.createTime,
      ...(c.connectivity !== undefined ? { connectivity: c.connectivity } : {}),
      available_queue_info: c.queues.map((q) => ({
        uuid: q.uuid,
        status: q.status,
        name: q.name,
        err_msg: q.errMsg,
        update_time: q.updateTime,
      })),
    };
  }

  /** `process` rises towards 1.0 with the transition; at 1.0 the connection turns ACTIVE. */
  private settle(c: BasicConnectionRec): void {
    if (!c.pending) return;
    const now = this.env.now();
    const p = progressOf(c.pending.transition, this.env.timing, now, true);
    const { startProcess } = c.pending;
    c.process = Math.round((startProcess + (1 - startProcess) * p) * 100) / 100;
    if (p < 1) return;
    c.process = 1;
    c.state = 'ACTIVE';
    for (const q of c.queues) {
      if (q.status === 'CREATING') {
        q.status = 'ACTIVE';
        q.updateTime = now;
      }
    }
    delete c.pending;
  }
}
