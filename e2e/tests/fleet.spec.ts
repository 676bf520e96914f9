import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demo, expect, screenshot, signIn, test } from '../fixtures.ts';

// Fleet (issue 17): demo mode's three targets — prod-bj4 (default), prod-sg1, staging-bj4 — each
// a project on the bundled simulator. One target is made failing through its project's fault API.

interface DemoTargets {
  targets: Array<{ id: string; simUrl: string; projectId: string }>;
  users: Array<{ username: string; password: string }>;
}
const fleet = () => demo() as unknown as DemoTargets;

async function targetFaults(page: Page, id: string, rules: unknown[] | null) {
  const t = fleet().targets.find((x) => x.id === id);
  if (!t) throw new Error(`no demo target ${id}`);
  const url = `${t.simUrl}/_sim/projects/${t.projectId}/faults`;
  const r = rules === null ? await page.request.delete(url) : await page.request.post(url, { data: rules });
  expect(r.ok(), `faults on ${id}`).toBe(true);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many connections a target holds, as its own whole-list view counts them now. */
async function totalOf(page: Page, id: string): Promise<number> {
  const view = await page.request.get(`/api/t/${id}/views/dli/enhanced-connections?page=1&pageSize=20&sort=-created&refresh=1`, { headers: { 'X-CSRF': '1' } });
  expect(view.status(), await view.text()).toBe(200);
  return ((await view.json()) as { total: number }).total;
}

/** How many connections the targets other than prod-sg1 hold, as their own whole-list views count them. */
async function rowsOfHealthyTargets(page: Page): Promise<number> {
  const targets = (await (await page.request.get('/api/targets', { headers: { 'X-CSRF': '1' } })).json()) as { targets: { id: string }[] };
  let rows = 0;
  for (const { id } of targets.targets.filter((t) => t.id !== 'prod-sg1')) {
    const view = await page.request.get(`/api/t/${id}/views/dli/enhanced-connections?page=1&pageSize=20&sort=-created`, { headers: { 'X-CSRF': '1' } });
    expect(view.status(), await view.text()).toBe(200);
    rows += ((await view.json()) as { total: number }).total;
  }
  return rows;
}

test.describe('fleet', () => {
  // Three targets read at once, axe runs and a scrypt sign-in: slow on a shared two-core machine.
  test.describe.configure({ timeout: 180_000 });
  test.afterAll(async ({ request }) => {
    // A test that failed half-way must not leave a target failing for the next spec.
    for (const t of fleet().targets) await request.delete(`${t.simUrl}/_sim/projects/${t.projectId}/faults`);
  });
  test('the header switcher changes the target and the URL; links keep it', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/connections');
    await expect(page.getByTestId('current-target')).toContainText('Production Beijing');
    await expect(page.getByTestId('current-target')).toContainText('Production');
    const switcher = page.getByRole('combobox', { name: 'Target' });
    await expect(switcher.getByRole('option')).toHaveCount(4);
    // Keyboard: focus the select and pick with the arrow keys' equivalent.
    await switcher.focus();
    await switcher.selectOption('staging-bj4');
    await expect(page).toHaveURL(/\/connections\?target=staging-bj4$/);
    await expect(page.getByTestId('current-target')).toContainText('Staging Beijing');
    await expect(page.getByRole('table', { name: /Enhanced connections, page/ }).getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MRS data connectors' })).toHaveAttribute(
      'href',
      '/mrs/data-connectors?target=staging-bj4',
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MRS data connectors' }).click();
    await expect(page).toHaveURL(/\/mrs\/data-connectors\?target=staging-bj4/);
    await expect(page.getByTestId('current-target')).toContainText('Staging Beijing');
    await screenshot(page, 'fleet-switcher-staging');
  });

  test('the merged list names a failing target in a banner and keeps the other targets\' rows', async ({ page }) => {
    await signIn(page, 'admin');
    await targetFaults(page, 'prod-sg1', [{ service: 'dli', status: 503, errorCode: 'DLI.0999' }]);
    try {
      await page.goto('/connections');
      await page.getByRole('combobox', { name: 'Target' }).selectOption('all');
      await expect(page).toHaveURL(/\/connections\?targets=all/);
      const banner = page.getByRole('alert', { name: /Production Singapore could not be read/ });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('ap-southeast-1');
      await expect(banner).toContainText('Request ID');
      const table = page.getByRole('table', { name: /across targets/ });
      await expect(table.getByRole('columnheader', { name: 'Target' })).toBeVisible();
      await expect(table.getByRole('cell', { name: /Production Beijing/ }).first()).toBeVisible();
      // Every row of the targets that answered (earlier tests may have created or deleted some).
      await expect(page.getByText(new RegExp(`of ${await rowsOfHealthyTargets(page)}$`))).toBeVisible();
      // Filters and paging work on the merged list like on one target's.
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.getByRole('alert', { name: /Production Singapore could not be read/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'fleet-merged-list-failing-target');
    } finally {
      await targetFaults(page, 'prod-sg1', null);
    }
  });

  test('the overview shows every target and links into a target\'s filtered list', async ({ page }) => {
    await signIn(page, 'admin');
    // Other specs create connections on staging-bj4 (40 seeded): the overview's total lies between
    // the target's own count just before the page is read and just after.
    const before = await totalOf(page, 'staging-bj4');
    await page.goto('/fleet');
    const table = page.getByTestId('fleet-overview');
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('rowheader', { name: /Production Singapore/ })).toBeVisible();
    const stagingTotal = table.locator('tr[data-target="staging-bj4"]').getByRole('cell').nth(1);
    await expect(stagingTotal).toHaveText(/^\d+$/);
    const shown = Number(await stagingTotal.textContent());
    expect(shown).toBeGreaterThanOrEqual(Math.max(before, 40));
    expect(shown).toBeLessThanOrEqual(await totalOf(page, 'staging-bj4'));
    expect(await seriousViolations(page)).toEqual([]);
    const shot = await screenshot(page, 'fleet-overview');
    mkdirSync(join(import.meta.dirname, '..', '..', 'docs', 'images'), { recursive: true });
    copyFileSync(shot, join(import.meta.dirname, '..', '..', 'docs', 'images', 'fleet-overview.png'));

    await table.locator('tr[data-target="prod-sg1"]').getByRole('link', { name: /with a failed queue on Production Singapore/ }).click();
    await expect(page).toHaveURL(/\/connections\?.*target=prod-sg1/);
    await expect(page).toHaveURL(/queues=FAILED/);
    await expect(page.getByTestId('current-target')).toContainText('Production Singapore');
  });

  test('a viewer on a target sees writes disabled there and enabled where they operate (oncall)', async ({ page }) => {
    const oncall = fleet().users.find((u) => u.username === 'oncall');
    if (!oncall) throw new Error('demo user oncall is missing');
    const r = await page.request.post('/api/session', { headers: { 'X-CSRF': '1' }, data: { username: oncall.username, password: oncall.password } });
    expect(r.status()).toBe(200);

    await page.goto('/connections');
    await expect(page.getByTestId('current-target')).toContainText('Production Beijing');
    await expect(page.getByText(/Your role \(viewer\) can't create connections/).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create connection' })).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Target' }).selectOption('staging-bj4');
    await expect(page).toHaveURL(/target=staging-bj4/);
    await expect(page.getByRole('link', { name: 'Create connection' }).first()).toBeVisible();
    await page.getByRole('link', { name: 'Create connection' }).first().click();
    await expect(page).toHaveURL(/\/connections\/new\?target=staging-bj4/);
    await expect(page.getByTestId('current-target')).toContainText('Staging Beijing');
    await screenshot(page, 'fleet-oncall-staging-create');
  });
});
