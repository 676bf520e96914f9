import express, { type RequestHandler, type Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { z } from 'zod';
import { SignInBody, fieldErrors, type SessionResponse } from '@dsc/api-types';
import { verifyPassword } from '../auth/password-hash.ts';
import { clearedSessionCookie, readSessionId, sessionCookie } from '../auth/session-cookie.ts';
import type { Sessions } from '../auth/sessions.ts';
import { signInThrottled } from '../auth/sign-in-rate-limit.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';
import type { UserDirectory } from '../auth/users-file.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { auditAs } from './audit-mark.ts';

export interface SessionRouteDeps {
  sessions: Sessions;
  users: UserDirectory;
  throttle: SignInThrottle;
  /** The coarse per-address ceiling (express-rate-limit). */
  rateLimit: RequestHandler;
}

const parseJson = express.json({ limit: '8kb', strict: true, type: () => true });

const signInBody: RequestHandler = (req, res, next) => {
  if (!req.is('application/json')) {
    next(
      new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be sent as Content-Type: application/json',
      ),
    );
    return;
  }
  parseJson(req, res, next);
};

type SessionAnswer = z.infer<typeof SessionResponse>;

/**
 * POST /api/session signs in (one answer for a wrong password and an unknown user, in the same
 * time), GET answers who is signed in, DELETE ends the session server-side, so every copy of the
 * cookie stops working.
 */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = express.Router();

  const signIn: RequestHandler = async (req, res) => {
    const raw = req.body as { username?: unknown } | undefined;
    if (typeof raw?.username === 'string') contextOf(req).attemptedUser = raw.username;
    const parsed = SignInBody.safeParse(req.body);
    if (!parsed.success) {
      throw new ApiError('VALIDATION', 'Enter a username and a password', {
        fields: fieldErrors(parsed.error.issues),
      });
    }
    const { username, password } = parsed.data;
    const address = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const wait = await deps.throttle.waitMs(username, address);
    if (wait > 0) throw signInThrottled(wait);

    const user = await deps.users.find(username);
    const matches = await verifyPassword(
      password,
      user ? user.passwordHash : deps.users.unmatchable(),
    );
    if (!user || !matches) {
      await deps.throttle.recordFailure(username, address);
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await deps.throttle.recordSuccess(username);
    const described = deps.sessions.describe(user);
    if (!described) throw new ApiError('FORBIDDEN', 'Your account holds no role on any target of this console');

    // Rotation: whatever session the browser had is ended; the new one gets a fresh id.
    const previous = readSessionId(req);
    if (previous) await deps.sessions.destroy(previous);
    const id = await deps.sessions.create(user);
    req.user = described;
    res.setHeader(
      'Set-Cookie',
      sessionCookie(id, {
        secure: req.secure,
        maxAgeSeconds: Math.floor(deps.sessions.absoluteMs / 1000),
      }),
    );
    res.json({ user: req.user } satisfies SessionAnswer);
  };

  const whoAmI: RequestHandler = (req, res) => {
    if (!req.user) throw new ApiError('UNAUTHENTICATED', 'Not signed in');
    res.json({ user: req.user } satisfies SessionAnswer);
  };

  const signOut: RequestHandler = async (req, res) => {
    const id = readSessionId(req);
    if (id) await deps.sessions.destroy(id);
    res.setHeader('Set-Cookie', clearedSessionCookie({ secure: req.secure }));
    res.status(204).end();
  };

  router.post('/api/session', auditAs('session.signIn', true), deps.rateLimit, signInBody, signIn);
  router.get('/api/session', whoAmI);
  router.delete('/api/session', auditAs('session.signOut', true), signOut);
  router.all('/api/session', (req, _res, next) => {
    next(
      new ApiError(
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed here; use GET, POST, DELETE`,
        { headers: { Allow: 'GET, POST, DELETE, HEAD' } },
      ),
    );
  });
  return router;
}
