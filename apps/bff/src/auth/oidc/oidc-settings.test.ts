import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config-rules.ts';
import { readOidcSettings } from './oidc-settings.ts';

const SECRET = 'client-secret-value-1234';
const GOOD = {
  OIDC_ISSUER: 'https://idp.example.com/realms/ops',
  OIDC_CLIENT_ID: 'datasource-console',
  OIDC_CLIENT_SECRET: SECRET,
  CONSOLE_ROLE_MAP: 'role-map.json',
};
const read = (env: Record<string, string | undefined>) => readOidcSettings(env, (p) => `/abs/${p}`);
const error = (env: Record<string, string | undefined>): ConfigError => {
  try {
    read(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
  }
  throw new Error('expected a ConfigError');
};

describe('OIDC settings', () => {
  it('are off without OIDC_ISSUER, with the documented defaults otherwise', () => {
    expect(read({})).toBeUndefined();
    const s = read(GOOD)!;
    expect(s.issuer.href).toBe('https://idp.example.com/realms/ops');
    expect(s).toMatchObject({
      scopes: 'openid profile email groups',
      groupsClaim: 'groups',
      providerName: 'single sign-on',
      redirectUri: undefined,
      roleMapFile: '/abs/role-map.json',
    });
  });

  it('refuse a plain-http issuer, even on loopback', () => {
    for (const issuer of [
      'http://idp.example.com',
      'http://127.0.0.1:8443',
      'idp.example.com',
      'https://idp.example.com/?x=1',
    ]) {
      expect(error({ ...GOOD, OIDC_ISSUER: issuer }).settings).toEqual(['OIDC_ISSUER']);
    }
  });

  it('name every missing or malformed setting, never a value', () => {
    const e = error({
      OIDC_ISSUER: 'https://idp.example.com',
      OIDC_CLIENT_SECRET: 'short',
      OIDC_SCOPES: 'profile email',
      OIDC_REDIRECT_URI: 'https://console.example.com/elsewhere',
    });
    expect(e.settings.sort()).toEqual(
      [
        'CONSOLE_ROLE_MAP',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'OIDC_REDIRECT_URI',
        'OIDC_SCOPES',
      ].sort(),
    );
    expect(e.message).not.toContain('short');
    expect(error({ ...GOOD, OIDC_CLIENT_SECRET: `${SECRET} x` }).message).not.toContain(SECRET);
    expect(error({ OIDC_CLIENT_ID: 'x', CONSOLE_ROLE_MAP: 'm.json' }).message).toMatch(
      /OIDC_ISSUER is missing \(OIDC_CLIENT_ID, CONSOLE_ROLE_MAP is set\)/,
    );
  });

  it('take a redirect URI on this console’s callback path', () => {
    expect(
      read({ ...GOOD, OIDC_REDIRECT_URI: 'https://console.example.com/api/session/oidc/callback' })!
        .redirectUri!.href,
    ).toBe('https://console.example.com/api/session/oidc/callback');
    expect(
      read({ ...GOOD, OIDC_REDIRECT_URI: 'http://127.0.0.1:8080/api/session/oidc/callback' }),
    ).toBeDefined();
    expect(
      error({ ...GOOD, OIDC_REDIRECT_URI: 'http://console.example.com/api/session/oidc/callback' })
        .settings,
    ).toEqual(['OIDC_REDIRECT_URI']);
  });
});
