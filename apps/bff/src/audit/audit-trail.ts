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

/**
 * Holds back the final answer of every audited /api request until its audit line is written and
 * synced: `res.end` is wrapped, so whichever step answers (the proxy, an error, a session route)
 * the line is on disk before the first byte of the answer leaves. A crash right after an
 * acknowledged change therefore cannot lose its line. If the line cannot be written, the answer
 * is replaced by 500 AUDIT_UNAVAILABLE (the change may have happened; the caller must check).
 */
export function auditTrail(deps: AuditTrailDeps): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let state: 'open' | 'holding' | 'released' = 'open';

    const withhold = (err: unknown): void => {
      const cause = (err as { code?: unknown }).code ?? 'unknown';
      deps.logger.error(
        { requestId: contextOf(req).requestId, cause },
        'audit line could not be written',
      );
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const shownId = res.getHeader('x-request-id');
      const requestId = typeof shownId === 'string' ? shownId : contextOf(req).requestId;
      const body = JSON.stringify(
        errorBody(new ApiError('AUDIT_UNAVAILABLE', WITHHELD), requestId),
      );
      contextOf(req).errorCode = 'AUDIT_UNAVAILABLE';
      for (const h of ANSWER_HEADERS) res.removeHeader(h);
      res.statusCode = 500;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      end(body);
    };

    res.end = ((...args: unknown[]) => {
      // The first answer wins; a second one while its line is being written is dropped.
      if (state === 'holding') return res;
      if (state === 'released' || !isAudited(req, res)) return end(...args);
      state = 'holding';
      record().then(
        () => {
          state = 'released';
          end(...args);
        },
        (err: unknown) => {
          state = 'released';
          withhold(err);
        },
      );
      return res;
    }) as End;

    async function record(): Promise<void> {
      const known = req.user ? undefined : await deps.peekUser(req).catch(() => undefined);
      await deps.log.append(auditEntryFor(req, res, deps.now(), known));
    }
    next();
  };
}
