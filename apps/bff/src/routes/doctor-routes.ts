import express, { type RequestHandler, type Router } from 'express';
import { DoctorRunInput, fieldErrors, isPathId, type Role } from '@dsc/api-types';
import { requireRole } from '../auth/authorize.ts';
import type { DoctorHistoryStore } from '../doctor/doctor-history.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import type { Target } from '../targets/targets.ts';
import { auditAs } from './audit-mark.ts';

const parseJson = express.json({ limit: '128kb', strict: true, type: () => true });

const jsonOnly: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as Content-Type: application/json'));
    return;
  }
  parseJson(req, res, next);
};

/** The role needed on the request's target (`/api/t/:targetId/…`, else the default one). */
function requireOnTarget(req: express.Request, need: Role, defaultTarget: Target): Target {
  const ctx = contextOf(req);
  ctx.target ??= defaultTarget;
  const role = req.user?.targets[ctx.target.id];
  if (req.user && role === undefined) throw new ApiError('FORBIDDEN', 'You hold no role on this target');
  requireRole(req, need, role);
  ctx.role = role;
  return ctx.target;
}

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
 * The doctor's results history per target and connection (decision 013): GET (viewer) lists the
 * latest runs, POST (operator, audited) records one run with the signed-in user and the server's
 * time. It is the BFF's own record and never reaches the cloud. Mounted twice, like the catalogue:
 * at the root (`base` `/api`, the default target) and behind `selectTarget` at `/api/t/:targetId`
 * (`base` empty).
 */
export function doctorRoutes(deps: { history: DoctorHistoryStore; defaultTarget: Target; base: '/api' | '' }): Router {
  const router = express.Router({ mergeParams: true });
  const path = `${deps.base}/doctor/connections/:connection_id/runs`;
  router.get(path, auditAs('doctor.listRuns', false), async (req, res) => {
    const target = requireOnTarget(req, 'viewer', deps.defaultTarget);
    res.json({ runs: await deps.history.list(target.id, connectionIdOf(req)) });
  });
  router.post(path, auditAs('doctor.recordRun', true), async (req, res, next) => {
    const target = requireOnTarget(req, 'operator', deps.defaultTarget);
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
        res.status(201).json(await deps.history.add(target.id, id, req.user!.username, parsed.data.results));
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
