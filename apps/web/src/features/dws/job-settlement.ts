import type { DwsJob } from '@dsc/api-types';
import { jobIsFinal } from '@dsc/api-types/meta';
import type { QueryClient } from '@tanstack/react-query';
import { dwsKeys } from './queries.ts';
import { removeRunningJob } from './running-jobs-store.ts';

const settled = new Set<string>();

/**
 * Once a job is final: forget it as running and re-read its cluster's data sources (their
 * configure status changed). Both the job panel and the header indicator watch jobs; whichever
 * sees the end first does this, once.
 */
export function settleJobIfFinal(
  queryClient: QueryClient,
  job: DwsJob | undefined,
  clusterId: string,
): boolean {
  if (!job || !jobIsFinal(job.status)) return false;
  removeRunningJob(job.job_id);
  if (settled.has(job.job_id)) return true;
  settled.add(job.job_id);
  void queryClient.invalidateQueries({ queryKey: dwsKeys.sources(clusterId) });
  return true;
}
