import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures.ts';
import {
  freePort,
  startConsole,
  type ConsoleProcess,
} from '../../apps/bff/test/oidc/console-process.ts';
import {
  CLIENT_ID,
  TEST_ROLE_MAP,
  startTestProvider,
  type TestProvider,
} from '../../apps/bff/test/oidc/test-provider.ts';
import { makeThrowawayTls } from '../../apps/bff/test/oidc/throwaway-tls.ts';

/**
 * Single sign-on in Chromium through a real OpenID provider's own login page. The provider
 * (oidc-provider over TLS with a throw-away CA) and a console configured for it run beside the
 * shared demo console: a second console in a child process on its own port, trusting the CA
 * through NODE_EXTRA_CA_CERTS. Chromium accepts exactly the provider's certificate (by its key).
 */
const tls = makeThrowawayTls();
const spki = createHash('sha256')
  .update(new X509Certificate(tls.cert).publicKey.export({ type: 'spki', format: 'der' }))
  .digest('base64');

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  },
});

let idp: TestProvider;
let app: ConsoleProcess;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  idp = await startTestProvider({
    tls,
    redirectUris: [`http://127.0.0.1:${port}/api/session/oidc/callback`],
    postLogoutRedirectUris: [`http://127.0.0.1:${port}/sign-in`],
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-e2e-oidc-'));
  const roleMap = path.join(dir, 'role-map.json');
  writeFileSync(roleMap, JSON.stringify(TEST_ROLE_MAP));
  app = await startConsole({
    port,
    caFile: tls.caFile,
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_PROVIDER_NAME: 'Example SSO',
      CONSOLE_ROLE_MAP: roleMap,
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
  tls.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

test.describe('single sign-on through an OpenID provider', () => {
  test('signs in on the provider’s page, lands where the user was going with the mapped role, and signs out there too', async ({
    page,
  }) => {
    await page.goto(`${app.url}/audit`);
    await expect(page).toHaveURL(`${app.url}/sign-in?redirect=%2Faudit`);
    const sso = page.getByRole('link', { name: 'Sign in with Example SSO' });
    await expect(sso).toBeVisible();
    // The demo users file is configured too: the password form is the break-glass way in.
    await expect(page.getByText('or with a console account')).toBeVisible();
    await expect(page.getByLabel('Username')).toBeVisible();
    await screenshot(page, 'oidc-sign-in-page');

    await sso.click();
    await signInAtProvider(page, 'alice');
    await expect(page).toHaveURL(`${app.url}/audit`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const banner = page.getByRole('banner');
    await expect(banner.getByText('alice', { exact: true })).toBeVisible();
    await expect(banner.locator('.user-menu__role')).toHaveText(/Admin/);
    // The audit trail (admins only) already lists this sign-in under the username claim.
    await expect(page.getByRole('cell', { name: 'alice' }).first()).toBeVisible();
    await screenshot(page, 'oidc-signed-in-audit');
    const session = await page.evaluate(async () =>
      (await fetch('/api/session', { headers: { 'X-CSRF': '1' } })).json(),
    );
    expect(session).toEqual({
      user: {
        username: 'alice',
        role: 'admin',
        via: 'oidc',
        subject: 'alice',
        targets: { 'prod-bj4': 'admin', 'prod-sg1': 'admin', 'staging-bj4': 'admin' },
      },
    });

    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks to confirm its own sign-out, then sends the browser back to the console.
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/session/end`));
    await page.locator('button[autofocus], button[type="submit"]').first().click();
    await expect(page).toHaveURL(new RegExp(`^${app.url}/sign-in`));
    const after = await page.evaluate(
      async () => (await fetch('/api/session', { headers: { 'X-CSRF': '1' } })).status,
    );
    expect(after).toBe(401);
  });

  test('a user whose groups map to no role is told so and gets no session', async ({ page }) => {
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
    await signInAtProvider(page, 'carol');
    await expect(page).toHaveURL(`${app.url}/sign-in?oidc=no-role`);
    await expect(page.getByRole('alert')).toContainText(
      'none of your groups gives you a role in this console',
    );
    await screenshot(page, 'oidc-no-role');
    const status = await page.evaluate(
      async () => (await fetch('/api/session', { headers: { 'X-CSRF': '1' } })).status,
    );
    expect(status).toBe(401);
  });
});
