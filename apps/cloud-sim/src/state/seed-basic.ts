import type { Prng } from '../prng.ts';
import { startTransition } from '../timing.ts';
import type { BasicConnectionRec, BindingStatus, QueueRec } from './dli-types.ts';
import { BASIC_SERVICES, DOMAINS } from './names.ts';

const COUNT = 20;

function destination(prng: Prng, service: string): string {
  const id = prng.hex(4);
  if (service.startsWith('CloudTable')) {
    return [1, 2, 3].map((n) => `cloudtable-${id}-zk${n}-${prng.hex(8)}.cloudtable.com:2181`).join(',');
  }
  if (service === 'MRS.OpenTSDB') return `192.168.${prng.int(0, 255)}.${prng.int(2, 254)}:4242`;
  if (service === 'DWS') return `dws-${id}.dws.myhuaweicloud.com:8000`;
  if (service === 'CSS') return `css-${id}.css.myhuaweicloud.com:9200`;
  return `rds-${id}.rds.myhuaweicloud.com:3306`;
}

/** ~20 basic (classic) connections: ACTIVE, FAILED, DELETED and some CREATING that progress. */
export function seedBasicConnections(prng: Prng, queues: readonly QueueRec[], anchor: number, resetAt: number) {
  const out = new Map<string, BasicConnectionRec>();
  for (let i = 0; i < COUNT; i++) {
    const service = prng.pick(BASIC_SERVICES);
    const roll = prng.next();
    const state = roll < 0.5 ? 'ACTIVE' : roll < 0.7 ? 'CREATING' : roll < 0.85 ? 'FAILED' : 'DELETED';
    const queueStatus: BindingStatus = state === 'CREATING' ? 'CREATING' : state === 'FAILED' ? 'FAILED' : 'ACTIVE';
    const createTime = anchor - prng.int(1, 200) * 86_400_000 - prng.int(0, 86_399) * 1000;
    const startProcess = state === 'CREATING' ? prng.int(0, 6) / 10 : state === 'FAILED' ? 0.4 : 1;
    const dest = destination(prng, service);
    const rec: BasicConnectionRec = {
      connectionId: prng.uuid(),
      name: `${service.toLowerCase().replace(/\./g, '_')}_${prng.pick(DOMAINS)}_${String(i + 1).padStart(2, '0')}`,
      destination: dest,
      state,
      process: startProcess,
      connectionUrl: state === 'ACTIVE' ? dest.split(',')[0] ?? '' : '',
      clusterName: prng.chance(0.5) ? prng.pick(queues).queue_name : '',
      service,
      createTime,
      ...(prng.chance(0.5) ? { connectivity: state === 'ACTIVE' ? 'REACHABLE' : 'UNREACHABLE' } : {}),
      queues:
        state === 'DELETED'
          ? []
          : Array.from({ length: prng.int(1, 2) }, () => ({
              uuid: prng.uuid(),
              name: prng.pick(queues).queue_name,
              status: queueStatus,
              errMsg: queueStatus === 'FAILED' ? 'Failed to connect to the destination: connection timed out' : '',
              updateTime: createTime + prng.int(1, 600) * 1000,
            })),
      ...(state === 'CREATING' ? { pending: { transition: startTransition(resetAt), startProcess } } : {}),
    };
    out.set(rec.connectionId, rec);
  }
  return out;
}
