import type { CreateEnhancedConnectionBody, Host } from '@dsc/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { connectionKeys } from './queries.ts';

export interface CreateConnectionVars {
  body: CreateEnhancedConnectionBody;
  /** Same key for retries of one form's submission, so a repeated POST cannot create twice. */
  idempotencyKey: string;
}

export function useCreateConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateConnectionVars) =>
      apiRequest('dli.createEnhancedConnection', {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionKeys.lists() }),
  });
}

export function useDeleteConnection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('dli.deleteEnhancedConnection', { params: { connection_id: id } }),
    onSuccess: async () => {
      // The page showing it is being left: mark it stale without fetching it again now.
      await queryClient.invalidateQueries({ queryKey: connectionKeys.detail(id), refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: connectionKeys.lists() });
    },
  });
}

/** Each change to one connection refreshes it (so CREATING shows at once) and every list. */
function useConnectionChange<V>(id: string, run: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: connectionKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: connectionKeys.lists() }),
      ]),
  });
}

export function useBindQueues(id: string) {
  return useConnectionChange(id, (queues: string[]) =>
    apiRequest('dli.associateQueue', { params: { connection_id: id }, body: { queues } }),
  );
}

export function useUnbindQueues(id: string) {
  return useConnectionChange(id, (queues: string[]) =>
    apiRequest('dli.disassociateQueue', { params: { connection_id: id }, body: { queues } }),
  );
}

export function useReplaceHosts(id: string) {
  return useConnectionChange(id, (hosts: Host[]) =>
    apiRequest('dli.replaceHosts', { params: { connection_id: id }, body: { hosts } }),
  );
}

/** An idempotency key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
