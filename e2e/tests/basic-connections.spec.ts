import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

// Basic connections cannot be listed upstream: their ids come from the simulator's inventory.

interface Inventory {
  basicConnections: { connection_id: string; name: string; state: string }[];
  timing: Timing;
}
type Timing = { mode: 'immediate' } | { mode: 'seconds'; seconds: number } | { mode: 'reads'; reads: number };

const inventory = async (request: APIRequestContext) => (await sim(request, 'GET', '/inventory')) as Inventory;

const stateField = (page: Page) => page.locator('dt', { hasText: /^State$/ }).locator('xpath=following-sibling::dd[1]');

test.describe('basic connections', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'viewer');
  });

  test('look one up by id: fields, state, progress and queues', async ({ page, request }) => {
    const active = (await inventory(request)).basicConnections.find((c) => c.state === 'ACTIVE');
    expect(active, 'the seed has ACTIVE basic connections').toBeTruthy();
    await page.goto('/basic-connections');
    await page.getByLabel('Connection ID').fill(active!.connection_id);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/basic-connections/${active!.connection_id}`);
    await expect(page.getByRole('heading', { level: 1, name: active!.name })).toBeVisible();
    await expect(stateField(page)).toContainText('ACTIVE');
    await expect(page.getByRole('progressbar', { name: 'Creation progress' })).toHaveAttribute('aria-valuenow', '100');
    await expect(stateField(page)).toContainText('100%');
    for (const label of ['Destination', 'Service', 'Cluster', 'Connection URL', 'Created'])
      await expect(page.locator('dt', { hasText: new RegExp(`^${label}$`) })).toBeVisible();
    const queues = page.getByRole('table', { name: 'Queues' });
    await expect(queues.getByRole('columnheader')).toHaveText(['Queue', 'Status', 'UUID', 'Error', 'Updated']);
    await expect(queues.locator('tbody tr').first()).toContainText('ACTIVE');
    await screenshot(page, 'basic-connection');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('a connection being created shows its progress rising until it is ACTIVE', async ({ page, request }) => {
    const before = await inventory(request);
    // Progress is computed when a connection is read: one nobody has read since the start is still
    // CREATING. Reads-based timing makes each poll move it on, however slow this machine is.
    let creating = before.basicConnections.find((c) => c.state === 'CREATING');
    if (!creating) {
      // Only when an earlier run in this server already read them all: start the seed again.
      await sim(request, 'POST', '/reset', {});
      creating = (await inventory(request)).basicConnections.find((c) => c.state === 'CREATING');
    }
    expect(creating, 'the seed has CREATING basic connections').toBeTruthy();
    await sim(request, 'POST', '/timing', { mode: 'reads', reads: 4 });
    try {
      await page.goto(`/basic-connections/${creating!.connection_id}`);
      const bar = page.getByRole('progressbar', { name: 'Creation progress' });
      await expect(bar).toBeVisible();
      await expect(stateField(page)).toContainText('CREATING');
      await expect(page.getByText(/updating every 5 s/)).toBeVisible();
      const first = Number(await bar.getAttribute('aria-valuenow'));
      expect(first).toBeLessThan(100);
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(first);
      await screenshot(page, 'basic-connection-creating');
      await expect(stateField(page)).toContainText('ACTIVE', { timeout: 40_000 });
      await expect(bar).toHaveAttribute('aria-valuenow', '100');
      await expect(stateField(page)).toContainText('100%');
      await expect(page.getByText(/updating every 5 s/)).toBeHidden();
    } finally {
      await sim(request, 'POST', '/timing', before.timing);
    }
  });

  test('an unknown id is reported as such, not as a crash', async ({ page }) => {
    await page.goto('/basic-connections/no-such-connection-0000');
    await expect(page.getByRole('heading', { name: 'No basic connection with ID no-such-connection-0000' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByLabel('Connection ID')).toHaveValue('no-such-connection-0000');
  });
});
