import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { OperationId, Role } from '@dsc/api-types';
import type { Target } from './targets/targets.ts';
import type { ValidatedInput } from './routes/validate.ts';
import type { UpstreamRequest } from './proxy/build-upstream-request.ts';

/** What one request has learned on its way through the chain; read by the logger and the proxy. */
export interface RequestContext {
  /** Ours, generated per request; the browser sees the upstream's instead when there is one. */
  readonly requestId: string;
  operationId?: OperationId;
  /** The target the request acts on (`/api/t/:targetId/…`, else the default), resolved once. */
  target?: Target;
  /** The caller's role on `target`. */
  role?: Role;
  upstreamRequestId?: string;
  /** The error code answered, for the access log. */
  errorCode?: string;
  input?: ValidatedInput;
  /** Built from `input` and server configuration, then signed; sent byte for byte. */
  upstream?: UpstreamRequest;
  /** The HTTP status the upstream answered, once its headers arrived. */
  upstreamStatus?: number;
  /** The upstream part of the error answered, if any. */
  upstreamError?: { status: number; code?: string | undefined };
  /** What the audit trail calls this request, and whether it is recorded whatever the outcome. */
  audit?: { operation: string; always: boolean };
  /** The request's path parameters (the resources it targets), for the audit trail. */
  targetIds?: Record<string, string>;
  /** For a create that succeeded: the new resource's id from the cloud's answer, for the audit trail. */
  createdId?: string;
  /** For sign-in attempts: the username tried (there is no signed-in user yet). */
  attemptedUser?: string;
  /** For OpenID Connect sign-ins that were refused after the provider answered: its `sub`. */
  attemptedSubject?: string;
  /** The validated Idempotency-Key header of a create, if it sent one. */
  idempotencyKey?: string;
  /** The session id the request's cookie named and that was live. */
  sessionId?: string;
}

// On the raw request, so code that sees only IncomingMessage (the access logger) shares it. A
// symbol-keyed property rather than a WeakMap: every layer looks the context up, and a WeakMap
// keyed by short-lived requests is an ephemeron table the scavenger has to walk (issue 23).
const CONTEXT = Symbol('dsc.requestContext');
type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

export function contextOf(req: IncomingMessage): RequestContext {
  return ((req as WithContext)[CONTEXT] ??= { requestId: randomUUID() });
}

/** First in the chain: every response, errors included, carries an X-Request-Id. */
export const requestId: RequestHandler = (req, res, next) => {
  res.setHeader('X-Request-Id', contextOf(req).requestId);
  next();
};
