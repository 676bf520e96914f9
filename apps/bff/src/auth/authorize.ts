import type { Request } from 'express';
import { ROLES, roleAllows, type Role, type SessionUser } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import type { Operation } from '../operations.ts';
import { contextOf } from '../request-context.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in user (set by loadSession from the session cookie); read by routes and the audit trail. */
      user?: SessionUser;
    }
  }
}

/**
 * Decides whether the caller of `req` may run `op` (its `def.role`: viewer, operator, admin).
 * Resolves to allow; rejects with ApiError('UNAUTHENTICATED') without a session (401) or
 * ApiError('FORBIDDEN') for a role too low (403). It runs after the CSRF check and before the
 * body is read or validated, so an anonymous caller learns nothing about the request's shape.
 */
export type Authorize = (req: Request, op: Operation) => Promise<void>;

const KNOWN_ROLES = new Set<string>(ROLES);

/** Deny by default: a need that is missing or not a known role lets no one through. */
export function requireRole(req: Request, need: Role | undefined, have: Role | undefined = req.user?.role): void {
  const user = req.user;
  if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
  if (need === undefined || have === undefined || !KNOWN_ROLES.has(need) || !roleAllows(have, need)) {
    throw new ApiError('FORBIDDEN', 'Your role does not allow this');
  }
}

/** The role needed on the request's target (contextOf(req).target, resolved before this runs). */
export const authorize: Authorize = async (req, op) => {
  const ctx = contextOf(req);
  const user = req.user;
  if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
  const role = ctx.target ? user.targets[ctx.target.id] : undefined;
  if (role === undefined) throw new ApiError('FORBIDDEN', 'You hold no role on this target');
  ctx.role = role;
  requireRole(req, op.def.role as Role | undefined, role);
};
