import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

// Issue 19: the connection doctor. A queue bound ACTIVE cannot reach a database outside the
// connection's subnet; the doctor says no route covers it and offers the route, pre-filled; after
// adding it the same test is REACHABLE, and both runs are in the connection's history.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createConnection(page: Page, body: Record<string, unknown>): Promise<string> {
  const r = await page.request.post('/api/dli/enhanced-connections', { headers: { 'X-CSRF': '1' }, data: body });
  expect(r.status(), await r.text()).toBe(200);
  return ((await r.json()) as { connection_id: string }).connection_id;
}

test('the doctor finds the missing route, the suggested fix adds it, and the address becomes REACHABLE', async ({ page }) => {
  await signIn(page, 'operator');
  const name = `e2e_doctor_${unique()}`;
  const id = await createConnection(page, {
    name,
    dest_vpc_id: 'vpc-doctor',
    dest_network_id: 'subnet-doctor',
    queues: ['spark_etl_prod'],
    hosts: [{ name: 'orders-db', ip: '172.16.5.10' }],
  });
  await page.goto(`/connections/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // The binding settles by itself (the page polls); the doctor is only meaningful once it is ACTIVE.
  const queues = page.getByRole('table', { name: `Queues bound to ${name}` });
  await expect(queues.getByRole('row', { name: /spark_etl_prod/ })).toContainText('ACTIVE', { timeout: 30_000 });

  const doctor = page.getByRole('region', { name: 'Doctor' });
  await doctor.getByLabel('Pick a host').fill('orders-db');
  await doctor.getByLabel('Port').fill('5432');
  await doctor.getByRole('button', { name: 'Add address' }).click();
  await expect(doctor.getByLabel('Addresses to test')).toHaveValue('orders-db:5432');
  await doctor.getByRole('button', { name: 'Run tests (1)' }).click();

  const results = doctor.getByRole('table', { name: 'Connectivity test results' });
  const row = results.getByRole('row', { name: /spark_etl_prod/ });
  await expect(row).toContainText('UNREACHABLE', { timeout: 30_000 });
  await expect(row).toContainText('No route covers 172.16.5.10');
  await expect(doctor.getByText(/Saved to this connection's history/)).toBeVisible();
  await screenshot(page, 'doctor-unreachable');

  await row.getByRole('button', { name: 'Add route 172.16.5.0/24' }).click();
  const dialog = page.getByRole('dialog', { name: `Add a route to ${name}` });
  await expect(dialog.getByLabel(/Route name/)).toHaveValue('to_172_16_5_0_24');
  await expect(dialog.getByLabel(/Network \(CIDR\)/)).toHaveValue('172.16.5.0/24');
  await screenshot(page, 'doctor-add-route');
  await dialog.getByRole('button', { name: 'Add route' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: `Routes of ${name}` })).toContainText('172.16.5.0/24');

  await doctor.getByRole('button', { name: 'Run tests (1)' }).click();
  await expect(row).toContainText('REACHABLE', { timeout: 30_000 });
  await expect(row).not.toContainText('UNREACHABLE');
  await expect(row).toContainText('Reachable: nothing to fix.');
  const history = doctor.locator('.doctor__history');
  await expect(history.getByText(/1 reachable, 0 unreachable, 0 errors/)).toBeVisible();
  await expect(history.getByText(/0 reachable, 1 unreachable, 0 errors/)).toBeVisible();
  await screenshot(page, 'doctor-reachable');

  const axe = await new AxeBuilder({ page }).include('.doctor').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);
});
