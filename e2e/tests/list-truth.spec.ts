import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

// Issue 20: the list tells the truth at any size. Sort and the queue-status filter run over the
// whole list (the BFF's view), not over one fetched page.

const table = (page: Page) => page.getByRole('table', { name: /Enhanced connections, page/ });
const rowNames = (page: Page) => table(page).locator('tbody th[scope="row"] a').allTextContents();
const pagePosition = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).getByText(/^Page \d+ of \d+$/);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

interface Listed {
  name: string;
  available_queue_info: { status: string }[];
}
/** The whole list straight from the catalogue's pass-through route, in the upstream's order. */
async function wholeList(page: Page): Promise<Listed[]> {
  const r = await page.request.get('/api/dli/enhanced-connections?limit=0', { headers: { 'X-CSRF': '1' } });
  expect(r.ok()).toBe(true);
  return ((await r.json()) as { connections: Listed[] }).connections;
}

async function openList(page: Page, query = '') {
  await page.goto(`/connections${query}`);
  await expect(table(page).locator('tbody th[scope="row"]').first()).toBeVisible({ timeout: 30_000 });
}

test.describe('the list tells the truth at any size', () => {
  // Several pages of a 300-row list on a busy two-core machine.
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'viewer');
  });

  test('sorting by name orders every page of the whole list', async ({ page }) => {
    const all = await wholeList(page);
    const sorted = all.map((c) => c.name).sort(collator.compare);
    await openList(page, '?sort=name');
    await expect(pagePosition(page)).toHaveText(`Page 1 of ${Math.ceil(all.length / 20)}`);
    expect(await rowNames(page)).toEqual(sorted.slice(0, 20));

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect.poll(() => rowNames(page)).toEqual(sorted.slice(20, 40));
    await screenshot(page, 'list-truth-sorted-page-2');

    await page.getByRole('button', { name: 'Last' }).click();
    await expect.poll(() => rowNames(page)).toEqual(sorted.slice(Math.floor((all.length - 1) / 20) * 20));
    await expect(page.getByText('of this page')).toHaveCount(0);
  });

  test('the queue-status filter counts and pages only matching connections, the same on every page', async ({ page }) => {
    const all = await wholeList(page);
    const failed = all.filter((c) => c.available_queue_info.some((q) => q.status.toUpperCase() === 'FAILED'));
    expect(failed.length).toBeGreaterThan(40);
    const pages = Math.ceil(failed.length / 20);

    await openList(page, '?queues=FAILED');
    const count = page.getByTestId('match-count');
    await expect(count).toHaveText(`${failed.length} connections match (of ${all.length}).`);
    await expect(page.getByText(`1–20 of ${failed.length}`)).toBeVisible();
    await expect(pagePosition(page)).toHaveText(`Page 1 of ${pages}`);
    await expect(page.getByTestId('as-of')).toContainText(/As of \d+ s ago/);
    await screenshot(page, 'list-truth-queue-filter');

    for (const go of ['Next', 'Last'] as const) {
      await page.getByRole('button', { name: go }).click();
      await expect(pagePosition(page)).toHaveText(go === 'Next' ? `Page 2 of ${pages}` : `Page ${pages} of ${pages}`);
      await expect(count).toHaveText(`${failed.length} connections match (of ${all.length}).`);
      const queues = await table(page).locator('tbody.connection-group > tr:first-child .queue-list').allTextContents();
      expect(queues).toHaveLength(go === 'Next' ? 20 : failed.length - 20 * (pages - 1));
      for (const q of queues) expect(q).toContain('FAILED');
    }
  });
});
