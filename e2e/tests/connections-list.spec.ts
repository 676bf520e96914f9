import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

// The enhanced connections list (issue 4) against the simulator's seed (~300 connections named
// system_domain_env). Nothing here changes state: filters, paging and sorting only read.

const NAME_FILTER = '_prod';

const table = (page: Page) => page.getByRole('table', { name: /Enhanced connections, page/ });
const rowNames = (page: Page) => table(page).locator('tbody th[scope="row"] a').allTextContents();
const nameInput = (page: Page) => page.getByRole('searchbox', { name: 'Name' });
const statusSelect = (page: Page) => page.getByRole('combobox', { name: 'Status', exact: true });
const pagePosition = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).getByText(/^Page \d+ of \d+$/);

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab (or Shift+Tab) until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 400 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${target.toString()}`);
}

async function openList(page: Page, query = '') {
  await page.goto(`/connections${query}`);
  await expect(table(page).locator('tbody th[scope="row"]').first()).toBeVisible();
}

test.describe('enhanced connections list', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'viewer');
  });

  test('filter by name and status, page forward; reload and Back restore the exact view', async ({ page }) => {
    await openList(page);
    await nameInput(page).fill(NAME_FILTER);
    await expect(page).toHaveURL(/name=_prod/);
    await statusSelect(page).selectOption('ACTIVE');
    await expect(page).toHaveURL(/status=ACTIVE/);
    await expect(pagePosition(page)).toHaveText(/^Page 1 of [2-9]\d*$/);
    const firstPage = await rowNames(page);
    expect(firstPage.length).toBe(20);
    for (const name of firstPage) expect(name).toContain(NAME_FILTER);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pagePosition(page)).toHaveText(/^Page 2 of /);
    await expect.poll(() => rowNames(page)).not.toEqual(firstPage);
    const secondPage = await rowNames(page);
    for (const name of secondPage) expect(name).toContain(NAME_FILTER);
    await expect(table(page).locator('tbody .status-badge').first()).toBeVisible();
    // The status column's place follows the headers (a selection and an expand column come first).
    const headers = await table(page).locator('thead th').allTextContents();
    const statusColumn = headers.findIndex((h) => h.trim() === 'Status') + 1;
    expect(statusColumn).toBeGreaterThan(0);
    const statuses = await table(page).locator(`tbody tr > :nth-child(${statusColumn}) .status-badge`).allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['ACTIVE']));

    await page.reload();
    await expect(pagePosition(page)).toHaveText(/^Page 2 of /);
    await expect(nameInput(page)).toHaveValue(NAME_FILTER);
    await expect(statusSelect(page)).toHaveValue('ACTIVE');
    await expect.poll(() => rowNames(page)).toEqual(secondPage);

    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page).toHaveURL(/status=ACTIVE/);
    await expect(pagePosition(page)).toHaveText(/^Page 1 of /);
    await expect(nameInput(page)).toHaveValue(NAME_FILTER);
    await expect(statusSelect(page)).toHaveValue('ACTIVE');
    await expect.poll(() => rowNames(page)).toEqual(firstPage);

    await page.goBack();
    await expect(page).not.toHaveURL(/status=/);
    await expect(statusSelect(page)).toHaveValue('');
    await expect(nameInput(page)).toHaveValue(NAME_FILTER);

    await page.getByRole('search').getByRole('button', { name: 'Reset filters' }).click();
    await expect(page).toHaveURL(/\/connections$/);
    await expect(nameInput(page)).toHaveValue('');
  });

  test('a failed queue says why on hover and on keyboard focus', async ({ page }) => {
    await openList(page, '?queues=FAILED&pageSize=100');
    // The queue filter covers the whole list (decision 014): the count is of every matching connection.
    await expect(page.getByText(/^\d+ connections? match/)).toBeVisible();
    const tip = table(page).locator('.status-badge-tip').first();
    const reason = tip.getByRole('tooltip');
    await expect(tip).toHaveText(/FAILED/);
    await expect(reason).toBeHidden();

    await tip.hover();
    await expect(reason).toBeVisible();
    await expect(reason).toHaveText(/\S{10,}/);
    const text = await reason.textContent();
    await page.mouse.move(0, 0);
    await expect(reason).toBeHidden();

    // Keyboard: Tab onwards from the row's name link reaches the badge, which shows the reason.
    const row = tip.locator('xpath=ancestor::tr');
    await row.getByRole('link').focus();
    await tabTo(page, tip);
    await expect(tip).toBeFocused();
    await expect(reason).toBeVisible();
    await expect(tip).toHaveAttribute('aria-describedby', (await reason.getAttribute('id'))!);
    await expect(reason).toHaveText(text!);
    await page.keyboard.press('Escape');
    await expect(reason).toBeHidden();
  });

  test('a row expands to its queue table', async ({ page }) => {
    await openList(page, '?queues=FAILED');
    const toggle = table(page).getByRole('button', { name: /^Queues of / }).first();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const name = (await toggle.getAttribute('aria-label'))!.replace('Queues of ', '');
    const queues = page.getByRole('table', { name: `Queues bound to ${name}` });
    await expect(queues).toBeVisible();
    await expect(queues.getByRole('columnheader')).toHaveText(['Queue', 'Status', 'Peer ID', 'Error', 'Updated']);
    await expect(queues.getByText('FAILED').first()).toBeVisible();
    await expect(queues.locator('.queue-table__error').first()).toHaveText(/\S{10,}/);
    await screenshot(page, 'connections-list-expanded-row');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('keyboard only: filter, page forward, open a connection', async ({ page }) => {
    await openList(page);
    await tabTo(page, nameInput(page));
    await page.keyboard.type(NAME_FILTER);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/name=_prod/);
    await expect(pagePosition(page)).toHaveText(/^Page 1 of [2-9]/);

    const next = page.getByRole('button', { name: 'Next' });
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/page=2/);
    await expect(pagePosition(page)).toHaveText(/^Page 2 of /);
    await expect.poll(async () => (await rowNames(page)).every((n) => n.includes(NAME_FILTER))).toBe(true);

    // Back up from the pager into the table, to the last row's name link.
    const lastLink = table(page).locator('tbody th[scope="row"] a').last();
    const name = (await lastLink.textContent())!;
    const href = (await lastLink.getAttribute('href'))!;
    await tabTo(page, lastLink, { back: true });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('the list page has no serious accessibility violations; screenshots in English and Chinese', async ({ page }) => {
    await openList(page, '?name=orders');
    await expect(page.getByText(/^As of /)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connections-list-en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '增强型跨源连接' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '名称' })).toHaveValue('orders');
    await expect(page.getByRole('button', { name: '下一页' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connections-list-zh-CN');
  });

  test('a signed-in user sees the rows after at most 150 kB of scripts (gzip), without the whole catalogue', async ({ page }) => {
    // The build's own chunk graph names the catalogue's chunk (hashed); issue 17 sets the 150 kB.
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../apps/web/dist/.vite/manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>;
    const catalogue = manifest['../../packages/api-types/src/index.ts']!.file;
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.set(new URL(r.url()).pathname, r.body());
    });
    await openList(page);
    const loaded = [...scripts.keys()];
    expect(loaded).not.toContain(`/${catalogue}`);
    const bodies = await Promise.all(scripts.values());
    const gzipBytes = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    expect(gzipBytes, loaded.join('\n')).toBeLessThanOrEqual(150_000);
  });

  test('"All" keeps only the rows in view in the DOM, and the queue filter covers everything', async ({ page }) => {
    await openList(page, '?pageSize=all');
    const total = Number((await page.getByText(/^1–\d+ of \d+$/).textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(200);
    await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));
    const inDom = await table(page).locator('tbody th[scope="row"]').count();
    expect(inDom).toBeLessThan(80);

    await table(page).evaluate((el) => el.parentElement!.scrollTo(0, el.parentElement!.scrollHeight));
    await expect(table(page).locator(`tr[aria-rowindex="${total + 1}"]`)).toBeVisible();

    await page.getByRole('combobox', { name: 'Queue status' }).selectOption('FAILED');
    await expect(page.getByTestId('match-count')).toContainText(`(of ${total})`);
  });

  test('CSV export of the current filter across all pages', async ({ page }) => {
    await openList(page, '?name=_prod');
    const range = (await page.getByText(/^\d+–\d+ of \d+$/).textContent())!;
    const total = Number(range.split(' of ')[1]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^enhanced-connections-.*\.csv$/);
    await expect(page.getByText(`Exported ${total} connections.`)).toBeVisible();
    const text = (await (await file.createReadStream()).toArray()).join('');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^id,name,status,create_time_utc,/);
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((l) => l.includes(NAME_FILTER))).toBe(true);
  });
});
