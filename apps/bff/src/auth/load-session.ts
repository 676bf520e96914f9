import type { RequestHandler } from 'express';
import { contextOf } from '../request-context.ts';
import { clearedSessionCookie, hasSessionCookie, sessionIdCandidates } from './session-cookie.ts';
import type { Sessions } from './sessions.ts';

/**
 * Runs on every /api request after the CSRF guard: a live session's user becomes `req.user`
 * (and the request counts as activity). When the request carries several session cookies (one
 * planted beside the real one), the first live one counts. A cookie naming no live session is
 * cleared.
 */
export function loadSession(sessions: Sessions): RequestHandler {
  return async (req, res, next) => {
    for (const id of sessionIdCandidates(req)) {
      const user = await sessions.resolve(id);
      if (user) {
        req.user = user;
        contextOf(req).sessionId = id;
        next();
        return;
      }
    }
    if (hasSessionCookie(req)) res.append('Set-Cookie', clearedSessionCookie({ secure: req.secure }));
    next();
  };
}
