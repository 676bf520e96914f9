import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomCredentials } from 'cloud-sim';
import {
  createHttpServer,
  createLogger,
  createServer,
  loadConfig,
  withDemoUpstream,
} from '../../src/index.ts';

/**
 * OIDC without a users file: no password sign-in at all. Nothing here reaches the provider
 * (discovery runs on the first sign-in), so no provider is started.
 */
let dir: string;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-sso-only-'));
  writeFileSync(path.join(dir, 'role-map.json'), JSON.stringify({ ops: { '*': 'operator' } }));
  const config = withDemoUpstream(
    loadConfig({
      OIDC_ISSUER: 'https://127.0.0.1:9/realms/ops',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-tests',
      CONSOLE_ROLE_MAP: path.join(dir, 'role-map.json'),
      SESSION_SECRET: 'session-secret-for-tests-0123456789abcdef',
      AUDIT_LOG_FILE: path.join(dir, 'audit.log'),
    }),
    {
      credentials: randomCredentials(),
      projectId: '0123456789abcdef0123456789abcdef',
      endpoint: 'http://127.0.0.1:9',
    },
  );
  const bff = createServer(config, { logger: createLogger('silent') });
  const server = createHttpServer(bff.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await bff.close();
  };
});

afterAll(async () => {
  await stop?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('single sign-on without a users file', () => {
  it('offers only the provider, and password sign-in does not exist', async () => {
    const options = await fetch(`${url}/api/session/options`, { headers: { 'X-CSRF': '1' } });
    expect(await options.json()).toEqual({
      password: false,
      oidc: { providerName: 'single sign-on' },
    });
    const post = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'X-CSRF': '1', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'ada', password: 'whatever' }),
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, DELETE, HEAD');
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const r = await fetch(`${url}/api/session/oidc/login?returnTo=%2Fconnections`, {
      redirect: 'manual',
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/sign-in?oidc=unavailable');
    expect(r.headers.get('set-cookie')).toBeNull();
  });
});
