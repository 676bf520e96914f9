import type { RequestHandler } from 'express';
import { ApiError } from '../errors.ts';
import type { ReadinessCheck } from '../health/readiness.ts';
import { readSessionId } from '../auth/session-cookie.ts';
import type { Sessions } from '../auth/sessions.ts';

export interface HealthDeps {
  readiness: ReadinessCheck;
  /** True once shutdown has begun: the instance should get no new traffic. */
  draining: () => boolean;
}

/**
 * GET /healthz: the process is up. GET /readyz: the cloud answers a signed cheap read per service
 * (cached briefly); 200 when all do, else 503 — and 503 while shutting down. No sign-in, so
 * nothing in either names an endpoint, a project or a credential.
 */
export function healthRoutes(deps: HealthDeps): RequestHandler {
  const healthz: RequestHandler = (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  };
  const readyz: RequestHandler = async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (deps.draining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const r = await deps.readiness.current();
    res.status(r.status === 'ok' ? 200 : 503).json(r);
  };
  const routes = new Map<string, RequestHandler>([
    ['/healthz', healthz],
    ['/healthz/', healthz],
    ['/readyz', readyz],
    ['/readyz/', readyz],
  ]);
  // A look-up, not a router of its own: every request passes here, and a nested router's
  // dispatch cost each one more than the two paths it serves (issue 23).
  return (req, res, next) => {
    const route = req.method === 'GET' || req.method === 'HEAD' ? routes.get(req.path) : undefined;
    if (!route) {
      next();
      return;
    }
    return route(req, res, next);
  };
}

/**
 * GET /api/status for the web's banner: the same per-service state as /readyz, for any signed-in
 * user, always 200. It only peeks at the session: a page polling it must not keep an idle
 * session alive.
 */
export function statusRoute(deps: { readiness: ReadinessCheck; sessions: Sessions }): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET`, { headers: { Allow: 'GET, HEAD' } }));
      return;
    }
    const id = readSessionId(req);
    const user = id ? await deps.sessions.resolve(id, { touch: false }) : undefined;
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
    res.json(await deps.readiness.current());
  };
}
