import { expect, screenshot, signIn, test } from '../fixtures.ts';

test.describe('foundation: the console in demo mode', () => {
  test('health answers without a session', async ({ request }) => {
    const r = await request.get('/healthz');
    expect(r.status()).toBe(200);
  });

  test('the connections list shows the simulator’s connections with their per-queue states', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/');
    await expect(page).toHaveURL(/\/connections/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const rows = page.getByRole('table').first().locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);
    // Per-queue states are written as text, not only colour.
    await expect(page.getByText(/^(ACTIVE|CREATING|FAILED)$/).first()).toBeVisible();
    await screenshot(page, 'foundation-connections-list');
  });

  test('the BFF never serves an unknown API route', async ({ page }) => {
    await signIn(page, 'admin');
    const r = await page.request.get('/api/dli/not-a-route', { headers: { 'X-CSRF': '1' } });
    expect(r.status()).toBe(404);
    const body = (await r.json()) as { error: { code: string; status: number } };
    expect(body.error.status).toBe(404);
  });
});
