import { readFileSync } from 'node:fs';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe('audit trail', () => {
  test('a create shows by name in the trail, filtered by target, and in the CSV export', async ({ page }) => {
    await signIn(page, 'admin');
    const name = `e2e_audit_${unique()}`;
    await page.goto('/connections/new?target=staging-bj4');
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-0001');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-0001');
    await page.getByRole('button', { name: 'Create connection' }).click();
    await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}/);
    const connectionId = /\/connections\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.goto('/audit');
    // By role alone: its caption changes with the language.
    const table = page.getByRole('main').getByRole('table');
    const filters = page.getByRole('search', { name: 'Filter the audit trail' });
    await filters.getByLabel('Target').selectOption('staging-bj4');
    await expect(page).toHaveURL(/targetId=staging-bj4/);
    await filters.getByLabel('Operation').selectOption({ label: 'Create enhanced connection' });
    await expect(page).toHaveURL(/operation=dli\.createEnhancedConnection/);
    const row = table.locator('tbody tr').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Create enhanced connection');
    await expect(row).toContainText(connectionId);
    await expect(row).toContainText('staging-bj4');
    // Every row is of the chosen target.
    const targets = await table.locator('tbody tr').evaluateAll((rows) => rows.length);
    await expect(table.locator('tbody tr').filter({ hasText: 'staging-bj4' })).toHaveCount(targets);
    await expect(row.getByRole('link', { name: 'Open connection' })).toHaveAttribute(
      'href',
      `/connections/${connectionId}?target=staging-bj4`,
    );

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'time,user,role,subject,source_address,operation,operation_name,target,created_name,created_id,target_ids,outcome,http_status,error_code,upstream_status,upstream_code,upstream_request_id,request_id',
    );
    const ours = lines.find((l) => l.includes(name))!;
    expect(ours).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
    expect(ours).toContain(`dli.createEnhancedConnection,Create enhanced connection,staging-bj4,${name},${connectionId},,success,200`);
    // The filters, not only the page on screen: every line is a create on staging-bj4.
    expect(lines.slice(1).every((l) => l.includes(',dli.createEnhancedConnection,Create enhanced connection,staging-bj4,'))).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: /Exported \d+ entr/ })).toBeVisible();

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `audit-${width}-en`);
      // No page-wide horizontal scroll: the table scrolls in its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    // The header folds into a menu on a phone; the switcher is in plain sight on a desktop.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(row).toContainText('创建增强型跨源连接');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `audit-${width}-zh-CN`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });
});
