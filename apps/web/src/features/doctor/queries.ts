import type { ConnectionAuthorizationBody, CreateRouteBody, DoctorHistory, DoctorResult, DoctorRun } from '@dsc/api-types';
import { useMutation, useQueryClient, queryOptions } from '@tanstack/react-query';
import { apiRequest, bffRequest, type BodySchema } from '../../lib/api-client.ts';
import { loadApiSchemas } from '../../lib/api-schemas.ts';
import { currentTarget, targetKey, targetPath } from '../../lib/current-target.ts';
import { connectionKeys } from '../connections/queries.ts';

/** Keyed by the target in the URL too, so two targets' connections never share a cache entry. */
export const doctorKeys = {
  privileges: (id: string) => targetKey([...connectionKeys.detail(id), 'privileges'] as const, currentTarget()),
  history: (id: string) => targetKey([...connectionKeys.detail(id), 'doctor-history'] as const, currentTarget()),
  listed: (id: string) => targetKey([...connectionKeys.detail(id), 'listed'] as const, currentTarget()),
};

const historyPath = (id: string) => targetPath(currentTarget(), `/api/doctor/connections/${encodeURIComponent(id)}/runs`);

export function privilegesOptions(id: string) {
  return queryOptions({
    queryKey: doctorKeys.privileges(id),
    queryFn: ({ signal }) => apiRequest('dli.listConnectionPrivileges', { params: { connection_id: id }, signal }),
  });
}

export function historyOptions(id: string) {
  return queryOptions({
    queryKey: doctorKeys.history(id),
    queryFn: ({ signal }) =>
      bffRequest<DoctorHistory>({
        method: 'GET',
        path: historyPath(id),
        signal,
        schema: async () => (await loadApiSchemas()).DoctorHistory as BodySchema<DoctorHistory>,
      }),
  });
}

/**
 * The detail answer leaves out `isPrivis`; the list has it. One list call by name finds this
 * connection's flag for the "project not authorised" diagnosis.
 */
export function listedPrivisOptions(id: string, name: string) {
  return queryOptions({
    queryKey: doctorKeys.listed(id),
    queryFn: async ({ signal }) => {
      const page = await apiRequest('dli.listEnhancedConnections', { query: { name, limit: '100', offset: '0' }, signal });
      return page.connections.find((c) => c.id === id)?.isPrivis ?? null;
    },
  });
}

export function useRecordRun(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (results: DoctorResult[]) =>
      bffRequest<DoctorRun>({
        method: 'POST',
        path: historyPath(id),
        body: { results },
        schema: async () => (await loadApiSchemas()).DoctorRun as BodySchema<DoctorRun>,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: doctorKeys.history(id) }),
  });
}

export function useAddRoute(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRouteBody) => apiRequest('dli.createRoute', { params: { connection_id: id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKey(connectionKeys.detail(id), currentTarget()), exact: true }),
  });
}

export function useDeleteRoute(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest('dli.deleteRoute', { params: { connection_id: id, route_name: name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKey(connectionKeys.detail(id), currentTarget()), exact: true }),
  });
}

export function useAuthorize(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, action }: { projectId: string; action: ConnectionAuthorizationBody['action'] }) =>
      apiRequest('dli.authorizeConnection', {
        body: { projectId, action, privileges: [{ object: `edsconnections.${id}`, privileges: ['BIND_QUEUE'] }] },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: doctorKeys.privileges(id) }),
        queryClient.invalidateQueries({ queryKey: doctorKeys.listed(id) }),
        queryClient.invalidateQueries({ queryKey: connectionKeys.lists() }),
      ]),
  });
}
