import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

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

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

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

  test('bulk delete of three selected rows, one failing: shown per row with its request id, then a summary', async ({ page, request }) => {
    await signIn(page, 'operator');
    const prefix = `e2e_bulk_${unique()}`;
    for (const n of [1, 2, 3]) {
      const r = await page.request.post('/api/dli/enhanced-connections', {
        headers: { 'X-CSRF': '1' },
        data: { name: `${prefix}_${n}`, dest_vpc_id: 'vpc-e2e-bulk', dest_network_id: 'subnet-e2e-bulk' },
      });
      expect(r.ok(), await r.text()).toBe(true);
    }
    try {
      await sim(request, 'PATCH', '/faults', [
        { operation: 'dli.deleteEnhancedConnection', status: 500, errorCode: 'DLI.0999', errorMessage: 'injected delete failure', times: 1 },
      ]);
      await sim(request, 'DELETE', '/requests');
      await openList(page, `?name=${prefix}`);
      await expect(page.getByTestId('match-count')).toHaveText('3 connections match (of 3).');
      for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: `Select ${prefix}_${n}` }).check();
      await expect(page.getByTestId('selection-count')).toHaveText('3 connections selected');
      await page.getByRole('button', { name: 'Delete…' }).click();

      const dialog = page.getByRole('dialog', { name: 'Delete connections' });
      await expect(dialog.getByTestId('bulk-what')).toHaveText('Delete 3 connections in target default. This cannot be undone:');
      await expect(dialog.getByRole('listitem')).toHaveCount(3);
      await screenshot(page, 'list-truth-bulk-confirm');
      await dialog.getByRole('button', { name: 'Delete 3 connections' }).click();

      await expect(dialog.getByRole('status')).toHaveText('2 of 3 succeeded, 1 failed.', { timeout: 30_000 });
      const failed = dialog.locator('li[data-state="failed"]');
      await expect(failed).toHaveCount(1);
      await expect(failed).toContainText('failed: ');
      const shownId = (await failed.locator('code').textContent())?.trim();
      const deletes = ((await sim(request, 'GET', '/requests')) as { operation: string | null; status: number | null; requestId: string }[]).filter(
        (r) => r.operation === 'dli.deleteEnhancedConnection',
      );
      // One upstream call per row, each audited by the BFF as one change.
      expect(deletes).toHaveLength(3);
      expect(deletes.filter((r) => r.status === 500).map((r) => r.requestId)).toEqual([shownId]);
      await expect(dialog.locator('li[data-state="done"]')).toHaveCount(2);
      await screenshot(page, 'list-truth-bulk-summary');
      await dialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      await sim(request, 'POST', '/faults', []);
    }
  });

  test('a saved view reopens the filters and sort it was saved with', async ({ page }) => {
    const name = `Failed by name ${unique()}`;
    await openList(page, '?queues=FAILED&sort=name');
    const saved = page.locator('details.saved-views');
    await saved.locator('summary').click();
    await saved.getByLabel('Name this view').fill(name);
    await saved.getByRole('button', { name: 'Save current view' }).click();
    await expect(saved.getByRole('link', { name })).toBeVisible();
    await saved.getByRole('button', { name: `Mark ${name} as a favourite` }).click();
    await expect(saved.getByRole('button', { name: `Remove ${name} from favourites` })).toHaveAttribute('aria-pressed', 'true');

    await openList(page);
    await expect(page.getByRole('combobox', { name: 'Queue status' })).toHaveValue('');
    await page.locator('details.saved-views summary').click();
    await screenshot(page, 'list-truth-saved-views');
    await page.locator('details.saved-views').getByRole('link', { name }).click();
    await expect(page).toHaveURL(/queues=FAILED/);
    await expect(page).toHaveURL(/sort=name/);
    await expect(page.getByRole('combobox', { name: 'Queue status' })).toHaveValue('FAILED');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name');
    await expect(page.getByTestId('match-count')).toContainText('connections match');
  });
});
