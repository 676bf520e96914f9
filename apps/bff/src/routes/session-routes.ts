import express, { type RequestHandler, type Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { z } from 'zod';
import {
  SignInBody,
  fieldErrors,
  type SessionResponse,
  type SignInOptions,
  type SignOutAnswer,
} from '@dsc/api-types';
import { redirectUriFor } from '../auth/oidc/oidc-routes.ts';
import type { OidcSettings } from '../auth/oidc/oidc-settings.ts';
import type { RelyingParty } from '../auth/oidc/relying-party.ts';
import { verifyPassword } from '../auth/password-hash.ts';
import { clearedSessionCookie, readSessionId, sessionCookie } from '../auth/session-cookie.ts';
import type { Sessions } from '../auth/sessions.ts';
import { signInThrottled } from '../auth/sign-in-rate-limit.ts';
import type { SignInThrottle } from '../auth/sign-in-throttle.ts';
import type { UserDirectory } from '../auth/users-file.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { auditAs } from './audit-mark.ts';
import { SIGN_IN_BODY_LIMITS, readJsonObject } from './json-body.ts';

export interface SessionRouteDeps {
  sessions: Sessions;
  /** Undefined when only OIDC is configured: there is then no password sign-in. */
  users: UserDirectory | undefined;
  /** When OpenID Connect sign-in is configured. */
  oidc?: { settings: OidcSettings; rp: RelyingParty };
  throttle: SignInThrottle;
  /** The coarse per-address ceiling (express-rate-limit). */
  rateLimit: RequestHandler;
}

const parseJson = readJsonObject(SIGN_IN_BODY_LIMITS);

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

  const signIn =
    (users: UserDirectory): RequestHandler =>
    async (req, res) => {
    const raw = req.body as { username?: unknown } | undefined;
    // The typed name is recorded only once it names an account (below); until then, keyed.
    if (typeof raw?.username === 'string') contextOf(req).attemptedUser = deps.throttle.fingerprint(raw.username);
    const parsed = SignInBody.safeParse(req.body);
    if (!parsed.success) {
      throw new ApiError('VALIDATION', 'Enter a username and a password', {
        fields: fieldErrors(parsed.error.issues),
      });
    }
    const { username, password } = parsed.data;
    const address = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const user = await users.find(username);
    if (user) contextOf(req).attemptedUser = user.username;
    const wait = await deps.throttle.waitMs(username, address);
    if (wait > 0) throw signInThrottled(wait);

    const matches = await verifyPassword(
      password,
      user ? user.passwordHash : users.unmatchable(),
    );
    if (!user || !matches) {
      await deps.throttle.recordFailure(username, address);
      throw new ApiError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await deps.throttle.recordSuccess(username, address);
    const described = deps.sessions.describe(user);
    if (!described) throw new ApiError('FORBIDDEN', 'Your account holds no role on any target of this console');

    // Rotation: whatever session the browser had is ended; the new one gets a fresh id.
    const previous = contextOf(req).sessionId ?? readSessionId(req);
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

  /**
   * Ends the session here; for an OIDC session whose provider offers RP-initiated logout, the
   * answer also carries the provider's logout URL, which the browser then visits.
   */
  const signOut: RequestHandler = async (req, res) => {
    const id = contextOf(req).sessionId ?? readSessionId(req);
    const ended = id ? await deps.sessions.destroy(id) : undefined;
    res.setHeader('Set-Cookie', clearedSessionCookie({ secure: req.secure }));
    const logoutUrl =
      deps.oidc && ended?.idToken
        ? await deps.oidc.rp
            .logoutUrl(
              ended.idToken,
              new URL('/sign-in', redirectUriFor(req, deps.oidc.settings)).href,
            )
            .catch(() => undefined)
        : undefined;
    if (logoutUrl) res.json({ logoutUrl: logoutUrl.href } satisfies SignOutAnswer);
    else res.status(204).end();
  };

  const options: RequestHandler = (_req, res) => {
    res.json({
      password: deps.users !== undefined,
      oidc: deps.oidc ? { providerName: deps.oidc.settings.providerName } : null,
    } satisfies SignInOptions);
  };

  router.get('/api/session/options', options);
  const users = deps.users;
  if (users) {
    router.post(
      '/api/session',
      auditAs('session.signIn', true),
      deps.rateLimit,
      signInBody,
      signIn(users),
    );
  }
  router.get('/api/session', whoAmI);
  router.delete('/api/session', auditAs('session.signOut', true), signOut);
  const allowed = users ? 'GET, POST, DELETE' : 'GET, DELETE';
  router.all('/api/session', (req, _res, next) => {
    next(
      new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allowed}`, {
        headers: { Allow: `${allowed}, HEAD` },
      }),
    );
  });
  return router;
}
