import express, { type RequestHandler, type Router } from 'express';
import { DoctorRunInput, fieldErrors, isPathId } from '@dsc/api-types';
import { requireRole } from '../auth/authorize.ts';
import type { DoctorHistoryStore } from '../doctor/doctor-history.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { auditAs } from './audit-mark.ts';

const parseJson = express.json({ limit: '128kb', strict: true, type: () => true });

const jsonOnly: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as Content-Type: application/json'));
    return;
  }
  parseJson(req, res, next);
};

function connectionIdOf(req: express.Request): string {
  const id = String(req.params.connection_id ?? '');
  if (!isPathId(id)) {
    throw new ApiError('VALIDATION', 'Invalid request: connection_id is not an id', {
      fields: { 'params.connection_id': 'may hold only letters, digits, _ . - and must start with a letter or digit' },
    });
  }
  contextOf(req).targetIds = { connection_id: id };
  return id;
}

/**
 * The doctor's results history per connection (decision 013): GET (viewer) lists the latest runs,
 * POST (operator, audited) records one run with the signed-in user and the server's time. It is
 * the BFF's own record and never reaches the cloud.
 */
export function doctorRoutes(deps: { history: DoctorHistoryStore }): Router {
  const router = express.Router();
  const path = '/api/doctor/connections/:connection_id/runs';
  router.get(path, auditAs('doctor.listRuns', false), async (req, res) => {
    requireRole(req, 'viewer');
    res.json({ runs: await deps.history.list(connectionIdOf(req)) });
  });
  router.post(path, auditAs('doctor.recordRun', true), async (req, res, next) => {
    requireRole(req, 'operator');
    const id = connectionIdOf(req);
    jsonOnly(req, res, async (err?: unknown) => {
      try {
        if (err) throw err;
        const parsed = DoctorRunInput.safeParse(req.body);
        if (!parsed.success) {
          const fields = fieldErrors(parsed.error.issues);
          const [first] = Object.entries(fields);
          throw new ApiError('VALIDATION', `Invalid request: ${first?.[0]} ${first?.[1]}`, { fields });
        }
        res.status(201).json(await deps.history.add(id, req.user!.username, parsed.data.results));
      } catch (e) {
        next(e);
      }
    });
  });
  router.all(path, (req, _res, next) => {
    next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET or POST`, { headers: { Allow: 'GET, HEAD, POST' } }));
  });
  return router;
}
