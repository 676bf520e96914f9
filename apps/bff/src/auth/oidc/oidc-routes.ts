import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { ApiError } from '../../errors.ts';
import { contextOf } from '../../request-context.ts';
import { auditAs } from '../../routes/audit-mark.ts';
import { readSessionId, sessionCookie } from '../session-cookie.ts';
import type { Sessions } from '../sessions.ts';
import { clearedFlowCookie, flowCookie, readFlowId } from './flow-cookie.ts';
import type { FlowStore } from './flow-store.ts';
import { OIDC_CALLBACK_PATH, type OidcSettings } from './oidc-settings.ts';
import { OidcRefusal, type RelyingParty } from './relying-party.ts';
import { grantsFor, type RoleMap } from './role-map.ts';
import { safeReturnTo } from './return-to.ts';

export const OIDC_LOGIN_PATH = '/api/session/oidc/login';
/** Browser navigations, not fetches: they cannot carry X-CSRF and are exempt from that check. */
export const OIDC_NAVIGATIONS: ReadonlySet<string> = new Set([OIDC_LOGIN_PATH, OIDC_CALLBACK_PATH]);

export interface OidcRouteDeps {
  settings: OidcSettings;
  rp: RelyingParty;
  flows: FlowStore;
  sessions: Sessions;
  roleMap: RoleMap;
  /** The per-address ceiling shared with password sign-in: each login stores a flow. */
  rateLimit: RequestHandler;
  logger: Logger;
}

/** Why a sign-in did not happen, as the sign-in page shows it (`/sign-in?oidc=<reason>`). */
export type RefusalReason = 'failed' | 'cancelled' | 'unavailable' | 'no-role' | 'expired';
const REFUSAL_CODE: Record<RefusalReason, string> = {
  failed: 'OIDC_REFUSED',
  cancelled: 'OIDC_CANCELLED',
  unavailable: 'OIDC_UNAVAILABLE',
  'no-role': 'OIDC_NO_ROLE',
  expired: 'OIDC_REFUSED',
};

/** The callback URL for this request: OIDC_REDIRECT_URI, else this console's own origin. */
export function redirectUriFor(req: Request, settings: OidcSettings): string {
  return settings.redirectUri?.href ?? `${req.protocol}://${req.get('host')}${OIDC_CALLBACK_PATH}`;
}

/**
 * GET /api/session/oidc/login?returnTo= starts a sign-in at the provider; GET
 * /api/session/oidc/callback finishes it: the flow is taken once (state, nonce and PKCE verifier
 * never left the server), openid-client checks the answer, the groups become grants, and a new
 * session replaces whatever the browser had. Every refusal redirects to the sign-in page with a
 * reason and makes no session.
 */
export function oidcRoutes(deps: OidcRouteDeps): Router {
  const router = express.Router();

  const refuse = (req: Request, res: Response, reason: RefusalReason): void => {
    contextOf(req).errorCode = REFUSAL_CODE[reason];
    res.redirect(303, `/sign-in?oidc=${reason}`);
  };

  const login: RequestHandler = async (req, res) => {
    const raw = req.query.returnTo;
    const returnTo = safeReturnTo(
      typeof raw === 'string' ? raw : raw === undefined ? '' : undefined,
    );
    if (returnTo === undefined) {
      throw new ApiError('VALIDATION', 'returnTo must be a path of this console', {
        fields: { returnTo: 'must be a path of this console (starting with one /)' },
      });
    }
    const redirectUri = redirectUriFor(req, deps.settings);
    const challenge = await deps.rp.challenge();
    let url: URL;
    try {
      url = await deps.rp.authorizationUrl(challenge, redirectUri);
    } catch (err) {
      if (err instanceof OidcRefusal) return refuse(req, res, err.reason);
      throw err;
    }
    const flowId = await deps.flows.put({ ...challenge, redirectUri, returnTo });
    res.setHeader('Set-Cookie', flowCookie(flowId, { secure: req.secure }));
    res.redirect(303, url.href);
  };

  const callback: RequestHandler = async (req, res) => {
    res.setHeader('Set-Cookie', clearedFlowCookie({ secure: req.secure }));
    const flowId = readFlowId(req);
    const flow = flowId ? await deps.flows.take(flowId) : undefined;
    if (!flow) return refuse(req, res, 'expired');
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    let who;
    try {
      who = await deps.rp.finish(query, flow, flow.redirectUri);
    } catch (err) {
      if (!(err instanceof OidcRefusal)) throw err;
      if (err.subject) contextOf(req).attemptedSubject = err.subject;
      deps.logger.warn(
        { requestId: contextOf(req).requestId, reason: err.reason, cause: err.message },
        'OpenID Connect sign-in refused',
      );
      return refuse(req, res, err.reason);
    }
    const ctx = contextOf(req);
    ctx.attemptedUser = who.username;
    ctx.attemptedSubject = who.subject;
    const grants = grantsFor(deps.roleMap, who.groups);
    // No mapped group, or roles only on targets that are not configured: no way in.
    const user = deps.sessions.describeGrants(who.username, grants);
    if (!user) return refuse(req, res, 'no-role');

    // Rotation: whatever session the browser had is ended; the new one gets a fresh id.
    const previous = readSessionId(req);
    if (previous) await deps.sessions.destroy(previous);
    const id = await deps.sessions.createOidc({
      subject: who.subject,
      username: who.username,
      grants,
      expiresAt: who.expiresAt,
      idToken: who.idToken,
    });
    req.user = { ...user, via: 'oidc', subject: who.subject };
    res.append(
      'Set-Cookie',
      sessionCookie(id, {
        secure: req.secure,
        maxAgeSeconds: deps.sessions.cookieSeconds(who.expiresAt),
      }),
    );
    res.redirect(303, flow.returnTo);
  };

  router.get(OIDC_LOGIN_PATH, auditAs('session.oidcLogin', false), deps.rateLimit, login);
  router.get(OIDC_CALLBACK_PATH, auditAs('session.signIn', true), callback);
  return router;
}
