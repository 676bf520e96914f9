import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { currentTarget, targetKey } from '../../lib/current-target.ts';
import { isTransitional } from '../../ui/status-badge.tsx';

export const BASIC_POLL_MS = 5_000;

export const basicConnectionKeys = {
  all: ['dli', 'basic-connections'] as const,
  details: () => [...basicConnectionKeys.all, 'detail'] as const,
  detail: (id: string) => [...basicConnectionKeys.details(), id] as const,
};

export function basicConnectionOptions(id: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(basicConnectionKeys.detail(id), target),
    queryFn: ({ signal }) =>
      apiRequest('dli.getBasicConnection', { params: { connection_id: id }, signal, target }),
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
    // A connection being created reports its progress: follow it until it settles.
    refetchInterval: (query) =>
      query.state.data && isTransitional(query.state.data.state) ? BASIC_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}
