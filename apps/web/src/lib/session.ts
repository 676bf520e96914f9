import type { SessionUser, SignInBody, SignInOptions } from '@dsc/api-types';
import { operations, roleAllows, type OperationId, type Role } from '@dsc/api-types/meta';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { anyBody, bffRequest } from './api-client.ts';
import { useCurrentTarget } from './current-target.ts';
import { ApiError, CLIENT_ERROR_CODES, apiErrorFromBody, isApiError } from './api-error.ts';
import { loadAnswerSchemas } from './api-schemas.ts';

const sessionResponse = async () => (await loadAnswerSchemas()).SessionResponse;

export const sessionKeys = { all: ['session'] as const, options: ['sign-in-options'] as const };

/** GET /api/session/options: which ways to sign in this console offers (no session needed). */
export const signInOptionsQuery = () =>
  queryOptions({
    queryKey: sessionKeys.options,
    queryFn: ({ signal }): Promise<SignInOptions> =>
      bffRequest({
        method: 'GET',
        path: '/api/session/options',
        schema: async () => (await loadAnswerSchemas()).SignInOptions,
        signal,
        notifyUnauthorized: false,
      }),
    staleTime: Infinity,
    retry: 1,
  });

/** Where the browser starts a single sign-on, coming back to `returnTo` (a path of this console). */
export function oidcLoginHref(returnTo: string | undefined): string {
  return `/api/session/oidc/login?returnTo=${encodeURIComponent(returnTo ?? '/')}`;
}

/** Who is signed in; null when nobody is (a 401 here is an answer, not a lost session). */
export const sessionOptions = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: async ({ signal }): Promise<SessionUser | null> => {
      try {
        const r = await bffRequest({ method: 'GET', path: '/api/session', schema: sessionResponse, signal, notifyUnauthorized: false });
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

/** A 429 from sign-in: the server wants the caller to wait `retryAfterSeconds` (when it said). */
export class SignInThrottledError extends ApiError {
  readonly retryAfterSeconds: number | undefined;
  constructor(base: ApiError, retryAfterSeconds: number | undefined) {
    super(base);
    this.name = 'SignInThrottledError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names its day and month; Date.parse alone would read "-5" as a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * POST /api/session. Its own fetch rather than bffRequest because the caller needs Retry-After
 * from a 429, a header the shared client does not expose. Same headers and cookie policy; a 401
 * is the answer "wrong credentials", so nobody is told the session was lost.
 */
export async function signIn(body: SignInBody): Promise<SessionUser> {
  const schema = sessionResponse();
  schema.catch(() => undefined);
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF': '1' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: 'The server could not be reached' });
  }
  const requestId = res.headers.get('X-Request-Id');
  const json = await res.json().catch(() => undefined as unknown);
  if (!res.ok) {
    const error = await apiErrorFromBody(res.status, json, requestId);
    if (res.status === 429) throw new SignInThrottledError(error, parseRetryAfter(res.headers.get('Retry-After')));
    throw error;
  }
  const parsed = (await schema.catch(() => undefined))?.safeParse(json);
  if (!parsed?.success) {
    throw new ApiError({
      status: res.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: 'The server answered with a body the console does not understand',
      requestId: requestId ?? undefined,
    });
  }
  return parsed.data.user;
}

/**
 * DELETE /api/session; a 401 means the session was already gone, which is what was asked for.
 * Answers the identity provider's logout URL when the session came from single sign-on and the
 * provider should end its own session too.
 */
export async function signOut(): Promise<string | undefined> {
  let body: unknown;
  try {
    body = await bffRequest({ method: 'DELETE', path: '/api/session', schema: anyBody, notifyUnauthorized: false });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return undefined;
    throw e;
  }
  if (body === undefined || body === null || body === '') return undefined;
  const parsed = (await loadAnswerSchemas()).SignOutAnswer.safeParse(body);
  return parsed.success ? parsed.data.logoutUrl : undefined;
}

export type Permission =
  | { allowed: true }
  | { allowed: false; reason: 'signed-out'; needed: Role }
  | { allowed: false; reason: 'role'; needed: Role; role: Role }
  | { allowed: false; reason: 'no-role'; needed: Role };

/**
 * Mirrors the BFF's role check for one catalogue operation, so the UI can hide or disable a
 * control and say why. The server enforces it regardless.
 */
export function permissionFor(user: SessionUser | null | undefined, id: OperationId, target?: string): Permission {
  return roleCheck(user, operations[id].role, target);
}

/**
 * The same check for a role rather than an operation (the audit trail needs `admin`). With a
 * target, the role on that target counts (the BFF authorises `/api/t/<target>/…` that way);
 * without, the default target's (`user.role`).
 */
export function roleCheck(user: SessionUser | null | undefined, needed: Role, target?: string): Permission {
  if (!user) return { allowed: false, reason: 'signed-out', needed };
  const role = target === undefined ? user.role : user.targets[target];
  if (role === undefined) return { allowed: false, reason: 'no-role', needed };
  return roleAllows(role, needed) ? { allowed: true } : { allowed: false, reason: 'role', needed, role };
}

/** Whether the user may run `id` on the target in the URL. */
export function usePermission(id: OperationId): Permission {
  return permissionFor(useSessionUser(), id, useCurrentTarget());
}
