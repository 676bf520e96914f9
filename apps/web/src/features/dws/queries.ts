import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';

export const dwsKeys = {
  all: ['dws'] as const,
  clusters: () => [...dwsKeys.all, 'clusters'] as const,
};

export function listClustersOptions() {
  return queryOptions({
    queryKey: dwsKeys.clusters(),
    queryFn: ({ signal }) => apiRequest('dws.listClusters', { signal }),
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
  });
}
