import type { ConfigureStatusName } from '@dsc/api-types';
import type { Transition } from '../timing.ts';

export interface DwsClusterRec {
  id: string;
  name: string;
  status: string;
  version: string;
  vpc_id: string;
  subnet_id: string;
  node_type: string;
  number_of_node: number;
  created: number;
  updated: number;
  task_status: string | null;
  action_progress: Record<string, string>;
  failed_reasons: unknown;
}

/** How an item's configure_status goes on the wire: the docs do not say, so all three occur. */
export type StatusForm = 'number' | 'numeric-string' | 'name';

export interface ExtSourceRec {
  id: string;
  clusterId: string;
  name: string;
  type: 'OBS' | 'LAKE_FORMATION' | 'MRS';
  connectInfo: string | null;
  userName: string;
  version: string;
  configure: ConfigureStatusName;
  form: StatusForm;
  dataSourceId: string | null;
  created: number;
  updated: number;
  dataSourceUpdated: number | null;
  description: string;
  failReason: string | null;
  /** The job currently changing this source, if any. */
  jobId?: string;
}

export type JobEffect =
  | { kind: 'create' }
  | { kind: 'reconfigure'; reboot: boolean; agency?: string }
  | { kind: 'delete' };

export interface DwsJobRec {
  jobId: string;
  jobName: string;
  sourceId: string;
  clusterId: string;
  beginTime: number;
  endTime: number | null;
  status: 'RUNNING' | 'SUCCESS' | 'FAIL';
  progress: number;
  failedCode: string | null;
  failedDetail: string | null;
  effect: JobEffect;
  /** Decided when the job starts; revealed when the transition completes. */
  outcome: { ok: true } | { ok: false; code: string; detail: string };
  transition?: Transition;
}
