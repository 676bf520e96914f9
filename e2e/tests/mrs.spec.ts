import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

// MRS data connectors (issue 5), as an operator against the simulator. Each test picks its own
// connector by source type and leaves the fault rules as it found them.

const RESULT_FAILED = { operation: 'mrs.updateDataConnector', kind: 'result-failed', times: 1 } as const;
const unique = () => Math.random().toString(36).slice(2, 8);

async function useChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('dsc.language', 'zh-CN'));
}

/** The first connector of a type, opened in the edit form from a list filtered to its name. */
async function openEditor(page: Page, type: 'RDS_MYSQL' | 'RDS_POSTGRES' | 'gaussdb-mysql', nth = 0) {
  await page.goto(`/mrs/data-connectors?type=${type}`);
  const firstName = page.getByRole('table').locator('tbody th').nth(nth).locator('span > span').first();
  await expect(firstName).toBeVisible();
  const name = (await firstName.textContent())!.trim();
  // The name applies as it is typed (after a short pause).
  await page.getByRole('searchbox', { name: 'Name' }).fill(name);
  await expect(page).toHaveURL(new RegExp(`name=${name}`));
  await page.getByRole('link', { name: `Edit ${name}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit data connector “${name}”`);
  return name;
}

test.describe('MRS data connectors', () => {
  test.afterEach(async ({ request }) => {
    await sim(request, 'DELETE', '/faults', [RESULT_FAILED]);
  });

  test('the list pages on the server and keeps its filters in the URL', async ({ page }) => {
    await signIn(page, 'operator');
    await page.goto('/mrs/data-connectors?pageSize=10');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(10);
    await expect(page.getByText(/^1–10 of \d+$/)).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'RDS instance' })).toBeVisible();
    await expect(page.getByText('*****')).toHaveCount(0);
    await screenshot(page, 'mrs-list-en');

    await page.getByLabel('Source type').selectOption('gaussdb-mysql');
    await expect(page).toHaveURL(/type=gaussdb-mysql/);
    await expect(rows.first()).toContainText('GaussDB(for MySQL)');
    await expect(page.getByRole('table').getByText('RDS for MySQL')).toHaveCount(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await page.getByRole('search').getByRole('button', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/mrs\/data-connectors$/);
  });

  test('the name filter applies as it is typed, and a viewer sees a connector read-only', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/mrs/data-connectors?type=RDS_POSTGRES');
    const rows = page.getByRole('table').locator('tbody tr');
    const firstName = page.getByRole('table').locator('tbody th').first().locator('span > span').first();
    await expect(firstName).toBeVisible();
    const name = (await firstName.textContent())!.trim();
    await expect(page.getByRole('search').getByRole('button', { name: 'Search' })).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Name' }).pressSequentially(name, { delay: 20 });
    await expect(page).toHaveURL(new RegExp(`type=RDS_POSTGRES&name=${name}$`));
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();

    // A viewer is offered no Edit link; the edit address itself shows the values as text.
    await expect(page.getByRole('link', { name: `Edit ${name}` })).toHaveCount(0);
    const id = (await page.getByRole('rowheader', { name: new RegExp(name) }).locator('.mono').first().textContent())!.trim();
    await page.goto(`/mrs/data-connectors/${id}/edit`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Data connector “${name}”`);
    await expect(page.getByText("Your role (viewer) can't make changes; ask for operator.")).toBeVisible();
    await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.locator('dt', { hasText: 'Source type' }).locator('+ dd')).toHaveText('RDS for PostgreSQL');
    await expect(page.getByRole('button', { name: `Copy the ID of ${name}` })).toBeVisible();
    await screenshot(page, 'mrs-view-viewer-en');
  });

  test('edit the database and user of a connector and see the list change', async ({ page, request }) => {
    await signIn(page, 'operator');
    const name = await openEditor(page, 'gaussdb-mysql');
    const password = page.getByLabel('Password');
    await expect(password).toHaveValue('');
    await expect(page.getByText('Leave empty to keep the stored password.')).toBeVisible();
    await screenshot(page, 'mrs-edit-en');

    const db = `e2e_db_${unique()}`;
    const user = `e2e_user_${unique()}`;
    await page.getByLabel(/Database name/).fill(db);
    await page.getByLabel(/User name/).fill(user);
    await sim(request, 'DELETE', '/requests');
    await page.getByRole('button', { name: 'Save changes' }).click();

    // Back to the list view the operator came from (its filters kept).
    await expect(page).toHaveURL(new RegExp(`/mrs/data-connectors\\?type=gaussdb-mysql&name=${name}$`));
    await expect(page.getByRole('status').filter({ hasText: `Saved data connector “${name}”.` })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toContainText(db);
    await expect(row).toContainText(user);
    await screenshot(page, 'mrs-list-after-edit-en');

    // The stored password was kept: the update carried no password key at all.
    const sent = (await sim(request, 'GET', '/requests')) as Array<{ operation: string; bodyText: string; signature: string }>;
    const update = sent.find((r) => r.operation === 'mrs.updateDataConnector')!;
    expect(update.signature).toBe('ok');
    const inner = JSON.parse((JSON.parse(update.bodyText) as { data_connector: { source_info: string } }).data_connector.source_info);
    expect(inner).toMatchObject({ db_name: db, user_name: user });
    expect(inner).not.toHaveProperty('password');
  });

  test('an invalid field is named and nothing is sent', async ({ page }) => {
    await signIn(page, 'operator');
    await openEditor(page, 'RDS_POSTGRES');
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT') puts.push(r.url());
    });
    const db = page.getByLabel(/Database name/);
    await db.fill('bad name!');
    await page.getByLabel(/Connector name/).fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('May hold only letters, digits and _ $ -.')).toBeVisible();
    await expect(db).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(/Connector name/)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Required.')).toBeVisible();
    await screenshot(page, 'mrs-edit-invalid-en');
    expect(puts).toEqual([]);
  });

  test('changing the source type asks for confirmation first', async ({ page }) => {
    await signIn(page, 'operator');
    await openEditor(page, 'RDS_MYSQL');
    const type = page.getByLabel(/Source type/);
    await type.selectOption('RDS_POSTGRES');
    const dialog = page.getByRole('dialog', { name: 'Change the source type?' });
    await expect(dialog).toContainText('from RDS for MySQL to RDS for PostgreSQL');
    await screenshot(page, 'mrs-edit-type-change-en');
    await dialog.getByRole('button', { name: 'Keep RDS for MySQL' }).click();
    await expect(dialog).toBeHidden();
    await expect(type).toHaveValue('RDS_MYSQL');
  });

  test('a {"result":"failed"} answer is shown as a failure and the form stays filled', async ({ page, request }) => {
    await signIn(page, 'operator');
    await openEditor(page, 'RDS_MYSQL', 1);
    await sim(request, 'PATCH', '/faults', [RESULT_FAILED]);
    const db = `e2e_failed_${unique()}`;
    await page.getByLabel(/Database name/).fill(db);
    await page.getByRole('button', { name: 'Save changes' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Not saved: the cloud service reported a failure' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('failed');
    await expect(alert).toContainText('UPSTREAM_RESULT_FAILED');
    await expect(alert).toContainText('Request ID');
    await expect(page).toHaveURL(/\/edit/);
    await expect(page.getByLabel(/Database name/)).toHaveValue(db);
    await screenshot(page, 'mrs-edit-result-failed-en');
  });

  test('every MRS screen in Chinese', async ({ page, request }) => {
    await useChinese(page);
    await signIn(page, 'operator');
    await page.goto('/mrs/data-connectors');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('MRS 数据连接');
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
    // The switcher names the language the page is in (its strings load after i18next starts).
    await expect(page.locator('.language-switcher select')).toHaveValue('zh-CN');
    await screenshot(page, 'mrs-list-zh');

    await page.getByRole('table').getByRole('link', { name: /^编辑/ }).first().click();
    await expect(page.getByText('留空则保留已保存的密码。')).toBeVisible();
    await screenshot(page, 'mrs-edit-zh');

    await page.getByLabel(/数据库名称/).fill('坏 名字');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByText('只能包含字母、数字和 _ $ -。')).toBeVisible();
    await screenshot(page, 'mrs-edit-invalid-zh');

    await page.getByLabel(/数据库名称/).fill('zh_ok');
    await sim(request, 'PATCH', '/faults', [RESULT_FAILED]);
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '未保存：云服务报告操作失败' })).toBeVisible();
    await screenshot(page, 'mrs-edit-result-failed-zh');

    const type = page.getByLabel(/数据源类型/);
    const current = await type.inputValue();
    await type.selectOption(['RDS_POSTGRES', 'RDS_MYSQL', 'gaussdb-mysql'].find((v) => v !== current)!);
    await expect(page.getByRole('dialog', { name: '更改数据源类型？' })).toBeVisible();
    await screenshot(page, 'mrs-edit-type-change-zh');
  });
});
