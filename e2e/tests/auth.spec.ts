import type { Page } from '@playwright/test';
import { demoUser, expect, screenshot, test, type DemoRole } from '../fixtures.ts';

// Everything here signs in through the form, as a person would; other specs use the API shortcut.

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` signed out, lands on the sign-in form, signs in as `role` and waits to be back. */
async function signInThroughForm(page: Page, role: DemoRole, path = '/connections') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const u = demoUser(role);
  await fillSignIn(page, u.username, u.password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole('banner')).toContainText(u.username);
}

const banner = (page: Page) => page.getByRole('banner');
const createControl = (page: Page) => {
  const main = page.getByRole('main');
  return main.getByRole('link', { name: 'Create connection' }).or(main.getByRole('button', { name: 'Create connection' }));
};

test.describe('sign-in, roles and the audit trail', () => {
  test('the sign-in page stands alone, in English and in Chinese', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await screenshot(page, 'auth-sign-in-en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
    await expect(page.getByLabel('用户名')).toBeVisible();
    await expect(page.getByLabel('密码')).toBeVisible();
    await expect(page).toHaveTitle(/登录/);
    await screenshot(page, 'auth-sign-in-zh-CN');
  });

  test('a wrong password gets one generic message and no session', async ({ page }) => {
    await page.goto('/sign-in');
    await fillSignIn(page, demoUser('viewer').username, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page).toHaveURL(/\/sign-in/);
    // An unknown user gets exactly the same words.
    await fillSignIn(page, `nobody-${Date.now()}`, 'whatever');
    await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
    const r = await page.request.get('/api/session', { headers: { 'X-CSRF': '1' } });
    expect(r.status()).toBe(401);
  });

  test('a viewer sees everything, changes nothing, and is told why', async ({ page }) => {
    await signInThroughForm(page, 'viewer');
    await expect(banner(page)).toContainText('Viewer');
    await expect(page.getByRole('heading', { level: 1, name: 'Enhanced connections' })).toBeVisible();
    await expect(page.getByRole('table').first().locator('tbody tr').first()).toBeVisible();
    // The screen words the reason its own way; it always names the role and what is needed.
    await expect(page.getByRole('main').getByText(/Your role \(viewer\) can't .*; ask for operator/).first()).toBeVisible();
    await expect(createControl(page)).toHaveCount(0);
    await expect(banner(page).getByRole('link', { name: 'Audit' })).toHaveCount(0);

    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 2, name: 'Admins only' })).toBeVisible();
    await expect(page.getByText(/Your role \(Viewer\) cannot open it/)).toBeVisible();
    // The server agrees: the BFF refuses the audit trail to a viewer.
    const r = await page.request.get('/api/audit', { headers: { 'X-CSRF': '1' } });
    expect(r.status()).toBe(403);
  });

  test('an operator may create connections but not read the audit trail', async ({ page }) => {
    await signInThroughForm(page, 'operator');
    await expect(banner(page)).toContainText('Operator');
    await expect(createControl(page)).toBeVisible();
    await expect(page.getByText(/can't make changes/)).toHaveCount(0);
    await expect(banner(page).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  });

  test('an admin opens the audit trail from the header and finds the sign-ins', async ({ page }) => {
    const admin = demoUser('admin');
    await signInThroughForm(page, 'admin');
    await expect(banner(page)).toContainText('Admin');
    await banner(page).getByRole('link', { name: 'Audit' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    const table = page.getByRole('table', { name: /Audit entries/ });
    await expect(table.locator('tbody tr').first()).toBeVisible();

    await page.getByLabel('Operation').selectOption('session.signIn');
    await expect(page).toHaveURL(/operation=session\.signIn/);
    await page.getByLabel('User', { exact: true }).fill(admin.username);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`user=${admin.username}`));
    const rows = table.locator('tbody tr');
    // Newest first: the sign-in that opened this page.
    await expect(rows.first()).toContainText('session.signIn');
    await expect(rows.first()).toContainText(admin.username);
    await expect(rows.first()).toContainText('Success');
    await expect(rows.first()).toContainText('200');
    await expect(page.getByText(/\d+–\d+ of \d+/)).toBeVisible();

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await page.getByLabel('Operation').selectOption('session.signIn');
    await expect(rows.first()).toContainText('session.signIn');
    await screenshot(page, 'auth-audit-page');
  });

  test('a deep link survives signing in', async ({ page }) => {
    await signInThroughForm(page, 'viewer', '/connections?status=ACTIVE&page=2');
    await expect(page).toHaveURL(/\/connections\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('ACTIVE');
    expect(url.searchParams.get('page')).toBe('2');
    await expect(page.getByRole('heading', { level: 1, name: 'Enhanced connections' })).toBeVisible();
  });

  test('an open redirect in the sign-in link goes nowhere but home', async ({ page }) => {
    await page.goto('/sign-in?redirect=%2F%2Fexample.com%2Fphish');
    const u = demoUser('viewer');
    await fillSignIn(page, u.username, u.password);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/connections/);
  });

  test('signing out returns to the sign-in page and kills the session', async ({ page }) => {
    await signInThroughForm(page, 'operator', '/dws/clusters');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await banner(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    const r = await page.request.get('/api/session', { headers: { 'X-CSRF': '1' } });
    expect(r.status()).toBe(401);
    // Back into the console: the guard asks again and sends the user to sign in.
    await page.goto('/connections');
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Fconnections/);
  });
});
