import type { RequestHandler } from 'express';
import { contextOf } from '../request-context.ts';
import { clearedSessionCookie, hasSessionCookie, readSessionId } from './session-cookie.ts';
import type { Sessions } from './sessions.ts';

/**
 * Runs on every /api request after the CSRF guard: a live session's user becomes `req.user`
 * (and the request counts as activity). A cookie naming no live session is cleared.
 */
export function loadSession(sessions: Sessions): RequestHandler {
  return async (req, res, next) => {
    const id = readSessionId(req);
    const user = id ? await sessions.resolve(id) : undefined;
    if (user && id) {
      req.user = user;
      contextOf(req).sessionId = id;
    } else if (hasSessionCookie(req)) {
      res.append('Set-Cookie', clearedSessionCookie({ secure: req.secure }));
    }
    next();
  };
}
