import type { RequestHandler } from 'express';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { TARGET_ID } from './target-config.ts';
import type { Targets } from './targets.ts';

/**
 * Mounted at `/api/t/:targetId`: the named target becomes the request's, before anything else is
 * read. No session → 401 (nothing is said about which targets exist); an unknown target → 404;
 * a target the caller holds no role on → 403. Either way no upstream call is made.
 */
export function selectTarget(targets: Targets): RequestHandler {
  return (req, _res, next) => {
    const id = String(req.params.targetId ?? '');
    const user = req.user;
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
    const target = TARGET_ID.test(id) ? targets.get(id) : undefined;
    if (!target) throw new ApiError('NOT_FOUND', 'No such target');
    const role = user.targets[target.id];
    if (role === undefined) throw new ApiError('FORBIDDEN', 'You hold no role on this target');
    const ctx = contextOf(req);
    ctx.target = target;
    ctx.role = role;
    next();
  };
}
