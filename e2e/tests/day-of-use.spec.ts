import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

// What a day of use showed (issue 24): honest messages, focus that stays, phones and zoom.
// Reads the simulator's seed; the only writes are connections this spec creates and deletes itself.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PHONE = { width: 390, height: 844 };

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function createConnection(page: Page, name: string): Promise<string> {
  const r = await page.request.post('/api/dli/enhanced-connections', {
    headers: { 'X-CSRF': '1' },
    data: { name, dest_vpc_id: 'vpc-e2e-0001', dest_network_id: 'subnet-e2e-0001', hosts: [{ name: 'db01', ip: '10.0.0.1' }] },
  });
  expect(r.status(), await r.text()).toBe(200);
  return ((await r.json()) as { connection_id: string }).connection_id;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? '');

/** How far the page itself scrolls sideways (0 = it does not). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function useChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('dsc.language', 'zh-CN'));
}

test.describe('day of use: messages that are true', () => {
  test('a taken name (409) shows the service answer and never "Nothing was sent"', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_dou_${unique()}`;
    await createConnection(page, name);
    await page.goto('/connections/new');
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-0001');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-0001');
    await page.getByRole('button', { name: 'Create connection' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'The connection was not created' });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Request ID');
    await expect(page.getByText(/Nothing was sent/)).toHaveCount(0);
    await screenshot(page, 'day-of-use-409-en');
  });

  test('the permission answer is the same from a direct link, and no developer text shows', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/connections');
    const link = page.getByRole('table').locator('tbody th[scope="row"] a').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    const fromList = await page.getByTestId('privis').textContent();
    expect(fromList).toMatch(/^(Yes|No) —/);
    await page.goto(href);
    await expect(page.getByTestId('privis')).toContainText(fromList!.split('(')[0]!.trim());
    await expect(page.getByText(/isPrivis/)).toHaveCount(0);
  });

  test('a connection that does not exist: its request id, one way back, no "Not loaded yet"', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/connections/0a0a0a0a-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'Connection not found' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Request ID');
    await expect(page.getByRole('link', { name: '← Enhanced connections' })).toHaveCount(1);
    await expect(page.getByText('Not loaded yet')).toHaveCount(0);
    await page.goto('/basic-connections/does-not-exist-0001');
    await expect(page.getByText(/Last checked/)).toBeVisible();
    await expect(page.getByText('Not loaded yet')).toHaveCount(0);
    await screenshot(page, 'day-of-use-basic-not-found-en');
  });
});

test.describe('day of use: focus and place', () => {
  test('Enter on Next, Last and Go keeps focus in the pager', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/connections');
    const pager = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pager).toBeVisible();
    await pager.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/page=2/);
    await expect(pager.getByText(/^Page 2 of/)).toBeVisible();
    expect(await focusedText(page)).toBe('Next');
    await pager.getByRole('button', { name: 'Last' }).focus();
    await page.keyboard.press('Enter');
    await expect(pager.getByRole('button', { name: 'Last' })).toHaveAttribute('aria-disabled', 'true');
    expect(await focusedText(page)).toBe('Last');
    const jump = pager.getByLabel('Go to page');
    await jump.fill('3');
    await jump.press('Enter');
    await expect(page).toHaveURL(/page=3/);
    await expect(jump).toBeFocused();
    await expect(jump).toHaveValue('3');
  });

  test('"/" focuses the filter; skip links reach the table and the pager; Back to the list keeps the view', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/connections?name=_prod&page=2');
    await expect(page.getByRole('table', { name: /Enhanced connections, page/ }).locator('tbody th[scope="row"]').first()).toBeVisible();
    await page.locator('body').press('/');
    await expect(page.getByRole('searchbox', { name: 'Name' })).toBeFocused();

    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    const toTable = page.getByRole('link', { name: 'Skip to table' });
    await expect(toTable).toBeFocused();
    await expect(toTable).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#results-table')).toBeFocused();
    await page.locator('#main').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeFocused();

    await page.getByRole('table', { name: /Enhanced connections, page/ }).locator('tbody th[scope="row"] a').first().click();
    await page.getByRole('link', { name: '← Enhanced connections' }).click();
    await expect(page).toHaveURL(/name=_prod/);
    await expect(page).toHaveURL(/page=2/);
  });

  test('Edit hosts moves focus into the editor and Cancel brings it back; a delete says so and keeps the filters', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_dou_${unique()}`;
    await createConnection(page, name);
    await page.goto(`/connections?name=${name}`);
    await page.getByRole('link', { name, exact: true }).click();
    const edit = page.getByRole('button', { name: 'Edit hosts' });
    await edit.focus();
    await page.keyboard.press('Enter');
    expect(await focusedTag(page)).not.toBe('BODY');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(edit).toBeFocused();

    await page.getByRole('button', { name: 'Delete connection' }).click();
    const dialog = page.getByRole('dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete connection' }).click();
    await expect(page).toHaveURL(new RegExp(`/connections\\?.*name=${name}`));
    await expect(page.getByRole('status').filter({ hasText: `Deleted the connection ${name}.` })).toBeVisible();
    await screenshot(page, 'day-of-use-deleted-en');
  });
});

// Every screen, as an admin (who sees all of them), on a phone: no sideways page scroll, axe clean.
async function screens(page: Page): Promise<[string, string][]> {
  const headers = { 'X-CSRF': '1' };
  const list = (await (await page.request.get('/api/dli/enhanced-connections?limit=1&offset=0', { headers })).json()) as {
    connections: { id: string }[];
  };
  const clusters = (await (await page.request.get('/api/dws/clusters', { headers })).json()) as { clusters: { id: string; name: string }[] };
  const staging = clusters.clusters.find((c) => c.name === 'dws-staging')!;
  const mrs = (await (await page.request.get('/api/mrs/data-connectors?limit=1&offset=0', { headers })).json()) as {
    data_connectors: { connector_id: string }[];
  };
  return [
    ['connections', '/connections'],
    ['connection-detail', `/connections/${list.connections[0]!.id}`],
    ['connection-new', '/connections/new'],
    ['basic-connections', '/basic-connections'],
    ['mrs', '/mrs/data-connectors'],
    ['mrs-edit', `/mrs/data-connectors/${mrs.data_connectors[0]!.connector_id}/edit`],
    ['dws-clusters', '/dws/clusters'],
    ['dws-data-sources', `/dws/clusters/${staging.id}/data-sources`],
    ['audit', '/audit'],
  ];
}

for (const lang of ['en', 'zh-CN'] as const) {
  test.describe(`day of use: a phone (390 px), ${lang}`, () => {
    test.use({ viewport: PHONE });

    test('every screen fits the width, and has no serious accessibility violation', async ({ page }) => {
      test.setTimeout(180_000);
      if (lang === 'zh-CN') await useChinese(page);
      await signIn(page, 'admin');
      for (const [name, path] of await screens(page)) {
        await page.goto(path);
        await expect(page.locator('h1')).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await pageOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), name).toEqual([]);
        await screenshot(page, `day-of-use-390-${name}-${lang}`);
      }
      // The header folds: the navigation is behind Menu, and opens on demand.
      const nav = page.getByRole('navigation', { name: lang === 'en' ? 'Main' : /./ }).first();
      const toggle = page.locator('.app-header__menu-toggle');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(nav).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `day-of-use-390-menu-${lang}`);
    });

    test('each dialog, open on a phone, fits and has no serious accessibility violation', async ({ page }) => {
      test.setTimeout(180_000);
      const zh = lang === 'zh-CN';
      if (zh) await useChinese(page);
      await signIn(page, 'admin');
      // A connection of this test's own, with a queue and a host, so every dialog of the detail page opens.
      const created = await page.request.post('/api/dli/enhanced-connections', {
        headers: { 'X-CSRF': '1' },
        data: {
          name: `e2e_dialogs_${unique()}`,
          dest_vpc_id: 'vpc-e2e-0007',
          dest_network_id: 'subnet-e2e-0007',
          queues: ['sql_prod_yearly'],
          hosts: [{ name: 'db01', ip: '10.0.0.1' }],
        },
      });
      expect(created.status(), await created.text()).toBe(200);
      const id = ((await created.json()) as { connection_id: string }).connection_id;
      const paths = Object.fromEntries(await screens(page));
      const openers: [string, string, string | RegExp][] = [
        ['delete-connection', `/connections/${id}`, zh ? '删除连接' : 'Delete connection'],
        ['unbind', `/connections/${id}`, zh ? /^解绑队列 / : /^Unbind queue /],
        ['remove-hosts', `/connections/${id}`, zh ? '移除所有主机' : 'Remove all hosts'],
        ['mrs-delete', paths.mrs!, zh ? /^删除 / : /^Delete /],
        ['add-route', `/connections/${id}`, zh ? '添加路由' : 'Add route'],
        ['dws-reconfigure', paths['dws-data-sources']!, zh ? /^重新配置/ : /^Reconfigure/],
        ['dws-delete', paths['dws-data-sources']!, zh ? /^删除 / : /^Delete /],
        ['dws-create', paths['dws-data-sources']!, zh ? '新建数据源' : 'New data source'],
      ];
      for (const [name, path, label] of openers) {
        await page.goto(path);
        await expect(page.locator('h1')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await page.getByRole('button', { name: label, exact: typeof label === 'string' }).first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        expect(await pageOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), name).toEqual([]);
        await screenshot(page, `day-of-use-390-dialog-${name}-${lang}`);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      const removed = await page.request.delete(`/api/dli/enhanced-connections/${id}`, { headers: { 'X-CSRF': '1' } });
      expect(removed.status()).toBe(200);
    });
  });
}
