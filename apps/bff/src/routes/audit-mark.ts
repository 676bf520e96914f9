import type { RequestHandler } from 'express';
import { contextOf } from '../request-context.ts';

/** Names the request for the audit trail; `always` records it whatever the outcome (else only a 403). */
export const auditAs =
  (operation: string, always: boolean): RequestHandler =>
  (req, _res, next) => {
    contextOf(req).audit = { operation, always };
    next();
  };
