import { catalogue, roleAllows, SessionResponse, type OperationId, type SessionUser } from '@dsc/api-types';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { bffRequest } from './api-client.ts';
import { isApiError } from './api-error.ts';

export const sessionKeys = { all: ['session'] as const };

/** Who is signed in; null when nobody is (a 401 here is an answer, not a lost session). */
export const sessionOptions = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: async ({ signal }): Promise<SessionUser | null> => {
      try {
        const r = await bffRequest({ method: 'GET', path: '/api/session', schema: SessionResponse, signal, notifyUnauthorized: false });
        return r.user;
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });

export function useSessionUser(): SessionUser | null | undefined {
  return useQuery(sessionOptions()).data;
}

export type Permission = { allowed: true } | { allowed: false; reason: 'signed-out' | 'role'; needed: string };

/**
 * Mirrors the BFF's role check for one catalogue operation, so the UI can hide or disable a
 * control and say why. The server enforces it regardless.
 */
export function permissionFor(user: SessionUser | null | undefined, id: OperationId): Permission {
  const needed = catalogue[id].role;
  if (!user) return { allowed: false, reason: 'signed-out', needed };
  return roleAllows(user.role, needed) ? { allowed: true } : { allowed: false, reason: 'role', needed };
}

export function usePermission(id: OperationId): Permission {
  return permissionFor(useSessionUser(), id);
}
