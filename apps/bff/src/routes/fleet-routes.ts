import express, { type Request, type Router } from 'express';
import { FleetConnectionsQuery, fieldErrors, type TargetsResponse } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { fleetConnections } from '../fleet/fleet-connections.ts';
import { contextOf } from '../request-context.ts';
import type { Target, Targets } from '../targets/targets.ts';

function signedIn(req: Request) {
  if (!req.user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
  return req.user;
}

function invalid(fields: Record<string, string>): ApiError {
  const [first] = Object.entries(fields);
  return new ApiError('VALIDATION', `Invalid request: ${first?.[0]} ${first?.[1]}`, { fields });
}

/**
 * GET /api/targets: the targets the caller holds a role on (never a credential or a variable
 * name). GET /api/fleet/dli/enhanced-connections: the merged list over the chosen targets.
 */
export function fleetRoutes(targets: Targets): Router {
  const router = express.Router();

  router.get('/api/targets', (req, res) => {
    const user = signedIn(req);
    const body: TargetsResponse = {
      targets: targets.all.flatMap((t) => {
        const role = user.targets[t.id];
        return role === undefined
          ? []
          : [{ id: t.id, name: t.name, region: t.region ?? null, projectId: t.projectId, role, default: t === targets.default }];
      }),
    };
    res.json(body);
  });

  router.get('/api/fleet/dli/enhanced-connections', async (req, res) => {
    const user = signedIn(req);
    const parsed = FleetConnectionsQuery.safeParse(req.query);
    if (!parsed.success) throw invalid(fieldErrors(parsed.error.issues, 'query'));
    const q = parsed.data;
    const held = targets.all.filter((t) => user.targets[t.id] !== undefined);
    let chosen: Target[];
    if (!q.targets || q.targets === 'all') {
      chosen = held;
    } else {
      const ids = [...new Set(q.targets.split(','))];
      // The same words for a target that does not exist and one the caller may not see.
      const unknown = ids.find((id) => !held.some((t) => t.id === id));
      if (unknown !== undefined) throw invalid({ 'query.targets': `names no target you hold a role on ("${unknown}")` });
      chosen = held.filter((t) => ids.includes(t.id));
    }
    res.json(await fleetConnections(chosen, q, contextOf(req).requestId));
  });

  for (const path of ['/api/targets', '/api/fleet/dli/enhanced-connections']) {
    router.all(path, (req, _res, next) => {
      next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET`, { headers: { Allow: 'GET, HEAD' } }));
    });
  }
  return router;
}
