import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { SessionUser } from '@dsc/api-types';
import { ApiError, errorBody } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { auditEntryFor, isAudited } from './audit-entry.ts';
import type { AuditLog } from './audit-log.ts';

export interface AuditTrailDeps {
  log: AuditLog;
  now: () => Date;
  logger: Logger;
  /** Who the request's session belongs to, without counting as activity (for requests refused before the session is read). */
  peekUser: (req: Parameters<RequestHandler>[0]) => Promise<SessionUser | undefined>;
}

type End = Response['end'];

const WITHHELD =
  'The request may have been carried out, but it could not be recorded in the audit trail; check the resource before retrying';

/** Headers that belong to the withheld answer (a withheld sign-in must not set its cookie either). */
const ANSWER_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'set-cookie',
  'retry-after',
  'allow',
  'etag',
  'last-modified',
];

interface Hold {
  state: 'open' | 'holding' | 'released';
  /** The `end` this wrapper stands in front of (the response's own, or a wrapper installed before). */
  end: (...args: unknown[]) => Response;
  deps: AuditTrailDeps;
}

const HOLD = Symbol('dsc.auditHold');
type HeldResponse = Response & { [HOLD]?: Hold };

/**
 * The wrapper is one function shared by every response, its state a data property. A closure
 * per response, assigned to `res.end`, kept each answered request's whole graph alive through
 * the young-generation collections that followed (~2 MB at every scavenge at 200 req/s, against
 * ~0.1 MB without; issue 23): V8 let go of them only at the next full collection.
 */
function heldEnd(this: HeldResponse, ...args: unknown[]): Response {
  const hold = this[HOLD]!;
  if (hold.state === 'holding') return this;
  if (hold.state === 'released' || !isAudited(this.req, this)) return hold.end.apply(this, args);
  hold.state = 'holding';
  record(this, hold.deps).then(
    () => {
      hold.state = 'released';
      hold.end.apply(this, args);
    },
    (err: unknown) => {
      hold.state = 'released';
      withhold(this, hold, err);
    },
  );
  return this;
}

async function record(res: Response, deps: AuditTrailDeps): Promise<void> {
  const req = res.req;
  const known = req.user ? undefined : await deps.peekUser(req).catch(() => undefined);
  await deps.log.append(auditEntryFor(req, res, deps.now(), known));
}

function withhold(res: Response, hold: Hold, err: unknown): void {
  const req = res.req;
  const cause = (err as { code?: unknown }).code ?? 'unknown';
  hold.deps.logger.error({ requestId: contextOf(req).requestId, cause }, 'audit line could not be written');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const shownId = res.getHeader('x-request-id');
  const requestId = typeof shownId === 'string' ? shownId : contextOf(req).requestId;
  const body = JSON.stringify(errorBody(new ApiError('AUDIT_UNAVAILABLE', WITHHELD), requestId));
  contextOf(req).errorCode = 'AUDIT_UNAVAILABLE';
  for (const h of ANSWER_HEADERS) res.removeHeader(h);
  res.statusCode = 500;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  hold.end.call(res, body);
}

/**
 * Holds back the final answer of every audited /api request until its audit line is written and
 * synced: `res.end` is wrapped, so whichever step answers (the proxy, an error, a session route)
 * the line is on disk before the first byte of the answer leaves. A crash right after an
 * acknowledged change therefore cannot lose its line. If the line cannot be written, the answer
 * is replaced by 500 AUDIT_UNAVAILABLE (the change may have happened; the caller must check).
 */
export function auditTrail(deps: AuditTrailDeps): RequestHandler {
  return (_req, res, next) => {
    const held = res as HeldResponse;
    held[HOLD] = { state: 'open', end: res.end as (...args: unknown[]) => Response, deps };
    res.end = heldEnd as End;
    next();
  };
}
