import { fail } from '../../config-rules.ts';

/** The OIDC_* settings and CONSOLE_ROLE_MAP, checked at start (see README "Single sign-on"). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URI; unset: this console's own origin + OIDC_CALLBACK_PATH, per request. */
  redirectUri: URL | undefined;
  scopes: string;
  groupsClaim: string;
  providerName: string;
  roleMapFile: string;
}

export const OIDC_CALLBACK_PATH = '/api/session/oidc/callback';
export const DEFAULT_SCOPES = 'openid profile email groups';
export const DEFAULT_GROUPS_CLAIM = 'groups';
export const DEFAULT_PROVIDER_NAME = 'single sign-on';

const OPTIONAL = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_GROUPS_CLAIM',
  'OIDC_PROVIDER_NAME',
  'CONSOLE_ROLE_MAP',
] as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function absoluteUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * Reads the OIDC settings; undefined when OIDC_ISSUER is unset (and no other OIDC setting is).
 * Messages name the setting and the rule, never the value. The issuer must be https: there is
 * deliberately no way to accept plain http or to skip TLS verification (a private CA is trusted
 * through NODE_EXTRA_CA_CERTS).
 */
export function readOidcSettings(
  env: Record<string, string | undefined>,
  resolvePath: (p: string) => string,
): OidcSettings | undefined {
  const get = (k: string) => (env[k] ? env[k] : undefined);
  const issues: { setting: string; message: string }[] = [];
  const issuerRaw = get('OIDC_ISSUER');
  if (!issuerRaw) {
    const stray = OPTIONAL.filter((k) => get(k) !== undefined);
    if (stray.length > 0) {
      fail([{ setting: 'OIDC_ISSUER', message: `is missing (${stray.join(', ')} is set)` }]);
    }
    return undefined;
  }
  const issuer = absoluteUrl(issuerRaw);
  if (!issuer) issues.push({ setting: 'OIDC_ISSUER', message: 'must be an absolute https:// URL' });
  else if (issuer.protocol !== 'https:')
    issues.push({
      setting: 'OIDC_ISSUER',
      message: 'must be an https:// URL (plain http is refused)',
    });
  else if (issuer.username || issuer.password || issuer.search || issuer.hash)
    issues.push({
      setting: 'OIDC_ISSUER',
      message: 'must not contain user info, a query or a fragment',
    });

  const clientId = get('OIDC_CLIENT_ID');
  if (!clientId)
    issues.push({ setting: 'OIDC_CLIENT_ID', message: 'is missing (OIDC_ISSUER is set)' });
  else if (!/^[\x21-\x7e]{1,255}$/.test(clientId))
    issues.push({ setting: 'OIDC_CLIENT_ID', message: 'must be 1–255 visible ASCII characters' });
  const clientSecret = get('OIDC_CLIENT_SECRET');
  if (!clientSecret)
    issues.push({
      setting: 'OIDC_CLIENT_SECRET',
      message: 'is missing (the console is a confidential client)',
    });
  else if (!/^[\x21-\x7e]{8,1024}$/.test(clientSecret))
    issues.push({
      setting: 'OIDC_CLIENT_SECRET',
      message: 'must be 8–1024 visible ASCII characters',
    });

  let redirectUri: URL | undefined;
  const redirectRaw = get('OIDC_REDIRECT_URI');
  if (redirectRaw) {
    redirectUri = absoluteUrl(redirectRaw);
    const ok =
      redirectUri &&
      (redirectUri.protocol === 'https:' ||
        (redirectUri.protocol === 'http:' && LOOPBACK.has(redirectUri.hostname))) &&
      !redirectUri.search &&
      !redirectUri.hash &&
      redirectUri.pathname === OIDC_CALLBACK_PATH;
    if (!ok)
      issues.push({
        setting: 'OIDC_REDIRECT_URI',
        message: `must be https://<this console>${OIDC_CALLBACK_PATH} (http only for 127.0.0.1 or localhost)`,
      });
  }

  const scopes = (get('OIDC_SCOPES') ?? DEFAULT_SCOPES).trim().split(/\s+/);
  if (
    !scopes.includes('openid') ||
    !scopes.every((s) => /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(s))
  )
    issues.push({
      setting: 'OIDC_SCOPES',
      message: 'must be space-separated scopes including openid',
    });
  const groupsClaim = get('OIDC_GROUPS_CLAIM') ?? DEFAULT_GROUPS_CLAIM;
  if (!/^[\x21-\x7e]{1,100}$/.test(groupsClaim))
    issues.push({
      setting: 'OIDC_GROUPS_CLAIM',
      message: 'must be a claim name (1–100 visible ASCII characters)',
    });
  const providerName = (get('OIDC_PROVIDER_NAME') ?? DEFAULT_PROVIDER_NAME).trim();
  if (providerName.length < 1 || providerName.length > 60)
    issues.push({ setting: 'OIDC_PROVIDER_NAME', message: 'must be 1–60 characters' });
  const roleMap = get('CONSOLE_ROLE_MAP');
  if (!roleMap)
    issues.push({
      setting: 'CONSOLE_ROLE_MAP',
      message: 'is missing (the JSON file mapping groups to roles; OIDC_ISSUER is set)',
    });

  if (issues.length > 0) fail(issues);
  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    redirectUri,
    scopes: scopes.join(' '),
    groupsClaim,
    providerName,
    roleMapFile: resolvePath(roleMap!),
  };
}
