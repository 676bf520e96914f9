import type * as OpenIdClient from 'openid-client';
import type { Logger } from 'pino';
import type { OidcSettings } from './oidc-settings.ts';

/** What the console learns from a completed authorization code grant. */
export interface Authenticated {
  subject: string;
  username: string;
  groups: string[];
  /** Epoch ms of the id token's `exp`. */
  expiresAt: number;
  idToken: string;
}

export interface Challenge {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A sign-in refused after the provider was involved; `reason` is shown to the user. */
export class OidcRefusal extends Error {
  constructor(
    readonly reason: 'failed' | 'cancelled' | 'unavailable',
    message: string,
    readonly subject?: string,
    readonly username?: string,
  ) {
    super(message);
    this.name = 'OidcRefusal';
  }
}

export interface RelyingParty {
  challenge(): Promise<Challenge>;
  authorizationUrl(c: Challenge, redirectUri: string): Promise<URL>;
  /** Exchanges the callback's code and validates everything openid-client checks (state, nonce, PKCE, signature, issuer, audience, expiry). */
  finish(callbackQuery: string, c: Challenge, redirectUri: string): Promise<Authenticated>;
  /** The provider's RP-initiated logout URL, when it has an end_session_endpoint. */
  logoutUrl(idToken: string, postLogoutRedirectUri: string): Promise<URL | undefined>;
}

const TIMEOUT_SECONDS = 10;

const stringClaim = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;

function groupsOf(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((g): g is string => typeof g === 'string');
  return [];
}

/**
 * The console as an OpenID Connect relying party, through openid-client (certified): discovery,
 * authorization code + PKCE (S256) as a confidential client (client_secret_basic), and every
 * token check done by the library, the id token's signature included. Discovery runs on first use and is retried after a failure,
 * so the console starts while the provider is down.
 */
// openid-client is imported on the first sign-in, not at every start: only a console with
// OIDC_ISSUER uses it (decision 020).
let loading: Promise<typeof OpenIdClient> | undefined;
const openIdClient = (): Promise<typeof OpenIdClient> => (loading ??= import('openid-client'));

export function createRelyingParty(s: OidcSettings, logger: Logger): RelyingParty {
  let discovered: Promise<OpenIdClient.Configuration> | undefined;
  const configuration = (): Promise<OpenIdClient.Configuration> => {
    discovered ??= openIdClient()
      .then((client) => client.discovery(s.issuer, s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
        timeout: TIMEOUT_SECONDS,
        // The id token's signature is verified against the provider's JWKS too, not only
        // trusted because it came over TLS from the token endpoint (OIDC Core 3.1.3.7 allows
        // that shortcut; a console that grants admin from a claim should not take it).
        execute: [client.enableNonRepudiationChecks],
      }))
      .then((c) => {
        c.timeout = TIMEOUT_SECONDS;
        return c;
      })
      .catch((err: unknown) => {
        discovered = undefined;
        logger.error(
          { setting: 'OIDC_ISSUER', cause: describe(err) },
          'OpenID Connect discovery failed',
        );
        throw new OidcRefusal('unavailable', 'The identity provider cannot be reached');
      });
    return discovered;
  };

  return {
    async challenge() {
      const client = await openIdClient();
      return {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
    },
    async authorizationUrl(c, redirectUri) {
      const config = await configuration();
      const client = await openIdClient();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: s.scopes,
        response_type: 'code',
        state: c.state,
        nonce: c.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(c.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async finish(callbackQuery, c, redirectUri) {
      const config = await configuration();
      const client = await openIdClient();
      const current = new URL(redirectUri);
      current.search = callbackQuery;
      if (current.searchParams.get('error') === 'access_denied') {
        throw new OidcRefusal('cancelled', 'The sign-in was cancelled at the identity provider');
      }
      let tokens;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: c.codeVerifier,
          expectedState: c.state,
          expectedNonce: c.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        throw new OidcRefusal(
          'failed',
          `The identity provider's answer was refused: ${describe(err)}`,
        );
      }
      const claims = tokens.claims()!;
      const idToken = tokens.id_token!;
      let groups = groupsOf(claims[s.groupsClaim]);
      let username = stringClaim(claims.preferred_username) ?? stringClaim(claims.email);
      if (groups === undefined || username === undefined) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          groups ??= groupsOf(info[s.groupsClaim]);
          username ??= stringClaim(info.preferred_username) ?? stringClaim(info.email);
        } catch (err) {
          throw new OidcRefusal(
            'failed',
            `The userinfo answer was refused: ${describe(err)}`,
            claims.sub,
          );
        }
      }
      return {
        subject: claims.sub,
        username: (username ?? claims.sub).slice(0, 255),
        groups: groups ?? [],
        expiresAt: claims.exp * 1000,
        idToken,
      };
    },
    async logoutUrl(idToken, postLogoutRedirectUri) {
      const config = await configuration();
      const client = await openIdClient();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    },
  };
}

/** An error's code and message for the log: openid-client's carry no token or secret. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const code = (err as { code?: unknown }).code;
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${err.message}${cause}`.slice(0, 300);
}
