import type { Request, Response } from 'express';
import type { AuditEntry, AuditOutcome, SessionUser } from '@dsc/api-types';
import { contextOf } from '../request-context.ts';
import { createdOf } from './created-resource.ts';

const DENIED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_REQUIRED',
  'CROSS_SITE_REQUEST',
  'SIGN_IN_THROTTLED',
  'OIDC_NO_ROLE',
  'OIDC_REFUSED',
]);
const INVALID = new Set([
  'VALIDATION',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'IDEMPOTENCY_KEY_REUSED',
]);

export function outcomeOf(status: number, errorCode: string | undefined): AuditOutcome {
  // An OIDC callback that was refused still answers a redirect (to the sign-in page), with a code.
  if (status < 400 && errorCode === undefined) return 'success';
  if (errorCode && DENIED.has(errorCode)) return 'denied';
  if (errorCode && INVALID.has(errorCode)) return 'invalid';
  return 'failure';
}

/**
 * Recorded: every request marked `always` (mutating catalogue operations, sign-in, sign-out),
 * whatever became of it, and every 403 on /api (no permission, CSRF, cross-site).
 */
export function isAudited(req: Request, res: Response): boolean {
  return contextOf(req).audit?.always === true || res.statusCode === 403;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** The entry for a finished request. `user` is the signed-in one, else whoever the request names. */
export function auditEntryFor(
  req: Request,
  res: Response,
  time: Date,
  knownUser: SessionUser | undefined,
): AuditEntry {
  const ctx = contextOf(req);
  const status = res.statusCode;
  const user = req.user ?? knownUser;
  const subject = user ? user.subject : ctx.attemptedSubject;
  const path = (req.originalUrl.split('?')[0] ?? '').slice(0, 200);
  const upstreamStatus = ctx.upstreamError?.status ?? ctx.upstreamStatus;
  const reachedUpstream = upstreamStatus !== undefined || ctx.upstreamRequestId !== undefined;
  const created = createdOf(ctx);
  return {
    time: time.toISOString(),
    requestId: ctx.requestId,
    user: user?.username ?? (ctx.attemptedUser !== undefined ? clip(ctx.attemptedUser, 64) : null),
    role: ctx.role ?? user?.role ?? null,
    ...(subject !== undefined ? { subject: clip(subject, 255) } : {}),
    ...(ctx.target ? { target: ctx.target.id } : {}),
    sourceAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    operation: ctx.audit?.operation ?? `${req.method} ${path}`,
    targetIds: Object.fromEntries(
      Object.entries(ctx.targetIds ?? {}).map(([k, v]) => [k, clip(v, 200)]),
    ),
    ...(created ? { created } : {}),
    outcome: outcomeOf(status, ctx.errorCode),
    httpStatus: status,
    ...(status >= 300 && ctx.errorCode ? { errorCode: ctx.errorCode } : {}),
    ...(reachedUpstream
      ? {
          upstream: {
            ...(upstreamStatus !== undefined ? { status: upstreamStatus } : {}),
            ...(ctx.upstreamError?.code ? { code: ctx.upstreamError.code } : {}),
            ...(ctx.upstreamRequestId ? { requestId: ctx.upstreamRequestId } : {}),
          },
        }
      : {}),
  };
}
