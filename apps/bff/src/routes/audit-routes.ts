import express, { type Router } from 'express';
import { AuditQuery, fieldErrors } from '@dsc/api-types';
import type { AuditLog } from '../audit/audit-log.ts';
import { requireRole } from '../auth/authorize.ts';
import { ApiError } from '../errors.ts';
import { auditAs } from './audit-mark.ts';

/** GET /api/audit (admin): the trail newest first, filtered and paged by the query (AuditQuery). */
export function auditRoutes(deps: { log: AuditLog; targetIds: readonly string[] }): Router {
  const router = express.Router();
  router.get('/api/audit', auditAs('audit.read', false), async (req, res) => {
    // An admin of some targets reads the entries of those; an admin of every target reads all.
    const administered = Object.entries(req.user?.targets ?? {}).filter(([, r]) => r === 'admin').map(([id]) => id);
    requireRole(req, 'admin', administered.length > 0 ? 'admin' : undefined);
    const parsed = AuditQuery.safeParse(req.query);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error.issues, 'query');
      const [first] = Object.entries(fields);
      throw new ApiError('VALIDATION', `Invalid request: ${first?.[0]} ${first?.[1]}`, { fields });
    }
    const all = deps.targetIds.every((id) => administered.includes(id));
    res.json(await deps.log.query(parsed.data, all ? undefined : new Set(administered)));
  });
  router.all('/api/audit', (req, _res, next) => {
    next(
      new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET`, {
        headers: { Allow: 'GET, HEAD' },
      }),
    );
  });
  return router;
}
