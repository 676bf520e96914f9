import type { TargetSummary } from '@dsc/api-types';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { bffRequest } from './api-client.ts';
import { loadAnswerSchemas } from './api-schemas.ts';
import { useCurrentTarget } from './current-target.ts';

export const targetsKeys = { all: ['targets'] as const };

/** The targets the signed-in user holds a role on (GET /api/targets), in the configuration's order. */
export const targetsOptions = () =>
  queryOptions({
    queryKey: targetsKeys.all,
    queryFn: async ({ signal }) =>
      (await bffRequest({ method: 'GET', path: '/api/targets', schema: async () => (await loadAnswerSchemas()).TargetsResponse, signal })).targets,
    // The configuration changes with a restart, not while a page is open.
    staleTime: 5 * 60_000,
  });

export function useTargets(): readonly TargetSummary[] | undefined {
  return useQuery(targetsOptions()).data;
}

/** Production targets get a mark of their own wherever a write could reach them. */
export function isProduction(id: string): boolean {
  return id.startsWith('prod');
}

/** The target a page acts on: the URL's, else the default one. undefined until the list is in. */
export function useCurrentTargetSummary(): TargetSummary | undefined {
  const id = useCurrentTarget();
  const targets = useTargets();
  return targets?.find((t) => (id === undefined ? t.default : t.id === id));
}
