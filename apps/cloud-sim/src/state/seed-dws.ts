import type { ConfigureStatusName } from '@dsc/api-types';
import type { Prng } from '../prng.ts';
import { startTransition } from '../timing.ts';
import type { DwsSeed } from './dws-state.ts';
import type { DwsClusterRec, DwsJobRec, ExtSourceRec, StatusForm } from './dws-types.ts';
import { DOMAINS, DWS_AGENCIES, DWS_CLUSTER_FAILURES, DWS_SOURCE_FAILURES } from './names.ts';

const DAY = 86_400_000;
const FORMS: readonly StatusForm[] = ['number', 'numeric-string', 'name'];

/** [name, status, sources]: frozen and failed clusters are listed but refuse changes. */
const CLUSTERS: readonly [string, string, number][] = [
  ['dws-prod-analytics', 'ACTIVE', 7],
  ['dws-finance-dw', 'ACTIVE', 5],
  ['dws-staging', 'ACTIVE', 4],
  ['dws-archive-legacy', 'FROZEN', 3],
  ['dws-eu-replica', 'CREATE_FAILED', 0],
  ['dws-dev-sandbox', 'ACTIVE', 0],
];

const STATE_CYCLE: readonly ConfigureStatusName[] = [
  'ACTIVE', 'PENDING_REBOOT', 'FAILED', 'ACTIVE', 'UPDATING', 'CREATING', 'ACTIVE', 'DELETED', 'ACTIVE', 'DELETING',
];

function cluster(prng: Prng, [name, status]: readonly [string, string, number], anchor: number): DwsClusterRec {
  const created = anchor - prng.int(60, 500) * DAY + prng.int(0, 86_399) * 1000;
  return {
    id: prng.uuid(),
    name,
    status,
    version: prng.pick(['8.1.3.320', '8.2.1.220', '8.3.0.100']),
    vpc_id: prng.uuid(),
    subnet_id: prng.uuid(),
    node_type: prng.pick(['dws2.m6.4xlarge.8', 'dwsk2.xlarge', 'dws2.olap.8xlarge.i3']),
    number_of_node: prng.pick([3, 3, 6, 9]),
    created,
    updated: created + prng.int(1, 50) * DAY,
    task_status: status === 'FROZEN' ? 'FREEZING' : null,
    action_progress: {},
    failed_reasons:
      status === 'CREATE_FAILED' ? { 'DWS.6000': { error_code: 'DWS.6000', error_msg: prng.pick(DWS_CLUSTER_FAILURES) } } : null,
  };
}

export function seedDws(prng: Prng, anchor: number, resetAt: number): DwsSeed {
  const clusters: DwsClusterRec[] = [];
  const sources: ExtSourceRec[] = [];
  const jobs: DwsJobRec[] = [];
  let n = 0;
  for (const spec of CLUSTERS) {
    const c = cluster(prng, spec, anchor);
    clusters.push(c);
    for (let j = 0; j < spec[2]; j++, n++) {
      const type = prng.pick(['OBS', 'OBS', 'MRS', 'LAKE_FORMATION'] as const);
      const configure = STATE_CYCLE[n % STATE_CYCLE.length] ?? 'ACTIVE';
      const created = c.created + prng.int(1, 50) * DAY + prng.int(0, 86_399) * 1000;
      const s: ExtSourceRec = {
        id: prng.uuid(),
        clusterId: c.id,
        name: `${type.toLowerCase()}_${prng.pick(DOMAINS)}_${String(j + 1).padStart(2, '0')}`,
        type,
        connectInfo: type === 'OBS' ? `obs.${prng.pick(['cn-north-4', 'ap-southeast-1'])}.myhuaweicloud.com` : null,
        userName: type === 'MRS' ? 'mrs_reader' : prng.pick(DWS_AGENCIES),
        version: type === 'MRS' ? 'MRS 3.1.0' : '1.0',
        configure,
        form: FORMS[n % FORMS.length] ?? 'name',
        dataSourceId: type === 'MRS' ? prng.uuid() : null,
        created,
        updated: created + prng.int(0, 20) * DAY,
        dataSourceUpdated: prng.chance(0.5) ? created + prng.int(0, 20) * DAY : null,
        description: prng.chance(0.6) ? `External ${type} source for ${c.name}` : '',
        failReason: configure === 'FAILED' ? prng.pick(DWS_SOURCE_FAILURES) : null,
      };
      if (configure === 'CREATING' || configure === 'UPDATING' || configure === 'DELETING') {
        const kind = configure === 'CREATING' ? 'create' : configure === 'UPDATING' ? 'reconfigure' : 'delete';
        const job: DwsJobRec = {
          jobId: prng.hex(32),
          jobName: `${kind}ExtDataSource`,
          sourceId: s.id,
          clusterId: c.id,
          beginTime: resetAt,
          endTime: null,
          status: 'RUNNING',
          progress: 0,
          failedCode: null,
          failedDetail: null,
          effect: kind === 'reconfigure' ? { kind, reboot: true } : { kind },
          outcome: { ok: true },
          transition: startTransition(resetAt),
        };
        jobs.push(job);
        s.jobId = job.jobId;
      }
      sources.push(s);
    }
  }
  return { clusters, sources, jobs };
}
