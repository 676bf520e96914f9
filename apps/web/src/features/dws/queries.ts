import type { BodyOf, DwsJob, ExtDataSource, ReconfigureBody } from '@dsc/api-types';
import { configureStatusName, jobIsFinal } from '@dsc/api-types/meta';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { currentTarget, targetKey } from '../../lib/current-target.ts';

/** A job is asked again this often until it is SUCCESS, FAIL or STOP. */
export const JOB_POLL_MS = 2_000;
/** Sources still being created, updated or deleted are re-read this often. */
export const SOURCES_POLL_MS = 4_000;

export const dwsKeys = {
  all: ['dws'] as const,
  clusters: () => [...dwsKeys.all, 'clusters'] as const,
  sources: (clusterId: string) => [...dwsKeys.all, 'clusters', clusterId, 'sources'] as const,
  jobs: () => [...dwsKeys.all, 'jobs'] as const,
  job: (jobId: string) => [...dwsKeys.jobs(), jobId] as const,
};

export function listClustersOptions(target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(dwsKeys.clusters(), target),
    queryFn: ({ signal }) => apiRequest('dws.listClusters', { signal, target }),
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
  });
}

const TRANSITIONAL = new Set(['CREATING', 'UPDATING', 'DELETING']);

export function sourceIsChanging(s: ExtDataSource): boolean {
  return TRANSITIONAL.has(configureStatusName(s.configure_status));
}

export function listExtDataSourcesOptions(clusterId: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(dwsKeys.sources(clusterId), target),
    queryFn: ({ signal }) =>
      apiRequest('dws.listExtDataSources', { params: { cluster_id: clusterId }, signal, target }),
    retryOnMount: false,
    // Polls only while something on screen is still changing; stops by itself when nothing is.
    refetchInterval: (q) =>
      q.state.data?.data_sources.some(sourceIsChanging) ? SOURCES_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}

/** A job lives on the target it was started on, wherever the console is now. */
export function jobOptions(jobId: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(dwsKeys.job(jobId), target),
    queryFn: ({ signal }) => apiRequest('dws.getJob', { params: { job_id: jobId }, signal, target }),
    refetchInterval: (q) => (jobPollingDone(q.state.data, q.state.error) ? false : JOB_POLL_MS),
    // A job page left open in a background tab still finishes its job and refreshes the list.
    refetchIntervalInBackground: true,
    // The panel and the header watch the same job: a second observer should not ask again at once.
    staleTime: JOB_POLL_MS / 2,
  });
}

/** Stop when the job is final, or when the job no longer exists upstream (404). */
export function jobPollingDone(job: DwsJob | undefined, error: unknown): boolean {
  if (job && jobIsFinal(job.status)) return true;
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}

export function reconfigureExtDataSource(clusterId: string, sourceId: string, body: ReconfigureBody) {
  return apiRequest('dws.reconfigureExtDataSource', {
    params: { cluster_id: clusterId, ext_data_source_id: sourceId },
    body,
  });
}

export function createExtDataSource(clusterId: string, body: BodyOf<'dws.createExtDataSource'>) {
  return apiRequest('dws.createExtDataSource', { params: { cluster_id: clusterId }, body });
}

export function deleteExtDataSource(clusterId: string, sourceId: string) {
  return apiRequest('dws.deleteExtDataSource', { params: { cluster_id: clusterId, ext_data_source_id: sourceId } });
}
