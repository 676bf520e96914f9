import { CONFIGURE_STATUS_CODES } from '@dsc/api-types';
import type { ConfigureStatusName } from '@dsc/api-types';
import type { DwsClusterRec, DwsJobRec, ExtSourceRec } from './dws-types.ts';

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const CODE_OF = Object.fromEntries(Object.entries(CONFIGURE_STATUS_CODES).map(([code, name]) => [name, Number(code)])) as Record<
  ConfigureStatusName,
  number
>;

export function renderConfigureStatus(s: ExtSourceRec): number | string {
  const code = CODE_OF[s.configure];
  if (s.form === 'number') return code;
  if (s.form === 'numeric-string') return String(code);
  return s.configure;
}

export function renderCluster(c: DwsClusterRec) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    version: c.version,
    vpc_id: c.vpc_id,
    subnet_id: c.subnet_id,
    node_type: c.node_type,
    number_of_node: c.number_of_node,
    created: isoSeconds(c.created),
    updated: isoSeconds(c.updated),
    task_status: c.task_status,
    action_progress: c.action_progress,
    failed_reasons: c.failed_reasons,
  };
}

export function renderSource(s: ExtSourceRec) {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    connect_info: s.connectInfo,
    user_name: s.userName,
    version: s.version,
    configure_status: renderConfigureStatus(s),
    status: s.configure === 'ACTIVE' || s.configure === 'PENDING_REBOOT' ? 'AVAILABLE' : 'UNAVAILABLE',
    data_source_id: s.dataSourceId,
    created: isoSeconds(s.created),
    updated: isoSeconds(s.updated),
    data_source_updated: s.dataSourceUpdated === null ? null : isoSeconds(s.dataSourceUpdated),
    extend_properties: {},
    description: s.description,
    fail_reason: s.failReason,
  };
}

export function renderJob(j: DwsJobRec) {
  return {
    job_id: j.jobId,
    job_name: j.jobName,
    begin_time: isoSeconds(j.beginTime),
    end_time: j.endTime === null ? null : isoSeconds(j.endTime),
    status: j.status,
    failed_code: j.failedCode,
    failed_detail: j.failedDetail,
    progress: j.progress,
  };
}
