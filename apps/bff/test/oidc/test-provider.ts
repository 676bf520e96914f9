import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { ThrowawayTls } from './throwaway-tls.ts';

/** The three accounts and their groups (see TEST_ROLE_MAP). Any password signs in (devInteractions). */
export const ACCOUNTS = {
  alice: { groups: ['dli-admins', 'staff'], email: 'alice@example.test' },
  bob: { groups: ['dli-ops', 'auditors'], email: 'bob@example.test' },
  carol: { groups: ['marketing'], email: 'carol@example.test' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

/**
 * For the demo targets (prod-bj4, the default; prod-sg1; staging-bj4). alice: admin everywhere;
 * bob: operator on prod-bj4 (ops beats auditors there), viewer on staging-bj4, nothing on
 * prod-sg1; carol: no mapped group.
 */
export const TEST_ROLE_MAP = {
  'dli-admins': { '*': 'admin' },
  'dli-ops': { 'prod-bj4': 'operator' },
  auditors: { 'prod-bj4': 'viewer', 'staging-bj4': 'viewer' },
};

export const CLIENT_ID = 'datasource-console';

export interface TestProvider {
  issuer: string;
  clientSecret: string;
  /**
   * From now on the published JWKS holds a different key under the signing key's `kid`, so id
   * tokens are signed with a key the console cannot verify ("signed with another key").
   */
  publishForeignKey(on: boolean): void;
  close(): Promise<void>;
}

function rsaJwk() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ format: 'jwk' });
}

/**
 * A real OpenID provider (oidc-provider, the certified Node implementation) over TLS on a
 * loopback port: one confidential client that must use PKCE, three accounts with a `groups`
 * claim, RP-initiated logout, and the built-in login page. Consent is pre-granted (a first-party
 * client), so the login page is the only interaction.
 */
export async function startTestProvider(o: {
  tls: ThrowawayTls;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): Promise<TestProvider> {
  const server = https.createServer({ key: o.tls.key, cert: o.tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const signingKey = { ...rsaJwk(), kid: 'signing-key', use: 'sig', alg: 'RS256' };
  const foreignKey = { ...rsaJwk(), kid: 'signing-key', use: 'sig', alg: 'RS256' };
  const publicOf = (k: typeof signingKey) => ({
    kty: k.kty,
    n: k.n,
    e: k.e,
    kid: k.kid,
    use: k.use,
    alg: k.alg,
  });
  let foreign = false;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: o.redirectUris,
        post_logout_redirect_uris: o.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['preferred_username', 'name'],
      email: ['email'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      if (!Object.hasOwn(ACCOUNTS, id)) return undefined;
      const account = ACCOUNTS[id as AccountName];
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          preferred_username: id,
          name: id,
          email: account.email,
          groups: [...account.groups],
        }),
      };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
  });
  // The provider answers over TLS itself; it is not behind a proxy.
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (foreign && req.url === '/jwks') {
      res.setHeader('Content-Type', 'application/jwk-set+json');
      res.end(JSON.stringify({ keys: [publicOf(foreignKey)] }));
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientSecret,
    publishForeignKey: (on) => {
      foreign = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
