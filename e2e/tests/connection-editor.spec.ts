import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

// Enhanced connections (issue 4): create, detail, delete, bind/unbind, as an operator against the
// simulator. Every test works on connections it creates itself, with names no other spec uses.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Both are dedicated or yearly/monthly in the simulator's queue catalogue, so they can be bound.
const USABLE = ['sql_prod_yearly', 'spark_etl_prod'] as const;

interface SimRecord {
  operation: string | null;
  method: string;
  bodyText: string;
}
type Timing = { mode: 'immediate' } | { mode: 'seconds'; seconds: number } | { mode: 'reads'; reads: number };

function hostsText(n: number): string {
  return Array.from({ length: n }, (_, i) => `10.20.${i >> 8}.${i & 255} app-${i}.internal`).join('\n');
}

/** Creates a connection through the BFF (the page's own cookie), for tests about other actions. */
async function createConnection(page: Page, body: Record<string, unknown>): Promise<string> {
  const r = await page.request.post('/api/dli/enhanced-connections', { headers: { 'X-CSRF': '1' }, data: body });
  expect(r.status(), await r.text()).toBe(200);
  return ((await r.json()) as { connection_id: string }).connection_id;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Bindings settle after N reads of the connection instead of N seconds, so "CREATING first" holds
 * however slow the machine is; the previous timing is put back afterwards.
 */
async function withReadTiming(request: APIRequestContext, reads: number, run: () => Promise<void>) {
  const before = ((await sim(request, 'GET', '/inventory')) as { timing: Timing }).timing;
  await sim(request, 'POST', '/timing', { mode: 'reads', reads });
  try {
    await run();
  } finally {
    await sim(request, 'POST', '/timing', before);
  }
}

test.describe('enhanced connections: create, detail and changes', () => {
  test('create with two queues and 500 pasted hosts; the queues go CREATING → ACTIVE without a reload', async ({ page, request }) => {
    await signIn(page, 'operator');
    const name = `e2e_create_${unique()}`;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await withReadTiming(request, 3, async () => {
      await page.goto('/connections/new');
      await expect(page.getByRole('heading', { level: 1, name: 'New enhanced connection' })).toBeVisible();
      await page.getByLabel(/^Name/).fill(name);
      await page.getByLabel(/^VPC ID/).fill('vpc-e2e-0001');
      await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-0001');
      for (const q of USABLE) await page.getByLabel(q, { exact: true }).check();
      await expect(page.getByLabel('default', { exact: true })).toBeDisabled();
      await page.getByRole('radio', { name: /^Text/ }).check();
      await page.getByLabel(/^Hosts as text/).fill(hostsText(500));
      await expect(page.getByText('Read as /etc/hosts text: 500 valid entries.')).toBeVisible();
      // The text was checked off the main thread.
      expect(workers.some((url) => /hosts-worker/.test(url))).toBe(true);

      await page.getByRole('button', { name: 'Create connection' }).click();
      await expect(page).toHaveURL(/\/connections\/(?!new)[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      // A marker on window survives only if the page is never reloaded.
      await page.evaluate(() => ((window as unknown as { e2eMarker: string }).e2eMarker = 'kept'));

      const queues = page.getByRole('table', { name: `Queues bound to ${name}` });
      for (const q of USABLE) {
        await expect(queues.getByRole('row').filter({ hasText: q })).toContainText('CREATING');
      }
      await expect(page.getByText(/updates by itself every few seconds/)).toBeVisible();
      for (const q of USABLE) {
        await expect(queues.getByRole('row').filter({ hasText: q })).toContainText('ACTIVE', { timeout: 30_000 });
      }
      expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe('kept');
    });
    await expect(page.getByRole('heading', { name: 'Hosts (500)' })).toBeVisible();
    // The hosts table draws only what is in view.
    const hostRows = await page.getByRole('table', { name: `Hosts of ${name}` }).locator('tbody tr').count();
    expect(hostRows).toBeLessThan(100);
    await expect(page.getByText('Permission granted')).toBeVisible();
    await screenshot(page, 'connection-detail-en');
  });

  test('an invalid create shows field errors, names the bad line, and sends nothing upstream', async ({ page, request }) => {
    await signIn(page, 'operator');
    const marker = unique();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/dli/enhanced-connections') posts.push(r.url());
    });
    await page.goto('/connections/new');
    await page.getByLabel(/^Name/).fill(`bad-name-${marker}`);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-0002');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-0002');
    await page.getByRole('radio', { name: /^Text/ }).check();
    await page
      .getByLabel(/^Hosts as text/)
      .fill(['# pasted from a runbook', '10.0.0.1 db01', '10.0.0.2 db02', '10.0.0.300 db03', `10.0.0.4 ${marker}`].join('\n'));
    await expect(page.getByText('Line 4: 10.0.0.300 is not an IPv4 address')).toBeVisible();

    await page.getByRole('button', { name: 'Create connection' }).click();
    const nameInput = page.getByLabel(/^Name/);
    await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Use only letters, digits and underscores (_).')).toBeVisible();
    await expect(page.getByText('Nothing is sent while the hosts have problems (found: 1); fix them first.')).toBeVisible();
    await expect(page.getByText('Nothing was sent: correct the fields marked above and try again.')).toBeVisible();
    await expect(page).toHaveURL(/\/connections\/new$/);
    await screenshot(page, 'connection-create-errors-en');

    expect(posts).toEqual([]);
    const records = (await sim(request, 'GET', '/requests?limit=500')) as SimRecord[];
    expect(records.filter((r) => r.operation === 'dli.createEnhancedConnection' && r.bodyText.includes(marker))).toEqual([]);
  });

  test('delete a connection: the dialog names it and its queues, and the list is shown after', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_delete_${unique()}`;
    const id = await createConnection(page, {
      name,
      dest_vpc_id: 'vpc-e2e-0003',
      dest_network_id: 'subnet-e2e-0003',
      queues: ['sql_finance_monthly'],
    });
    await page.goto(`/connections/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('button', { name: 'Delete connection' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete connection ${name}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('sql_finance_monthly');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    // The viewport, not the full page: the modal's backdrop covers the viewport only.
    await page.screenshot({ path: join(import.meta.dirname, '..', 'artifacts', 'screenshots', 'connection-delete-dialog-en.png') });

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Delete connection' }).click();
    await dialog.getByRole('button', { name: 'Delete connection' }).click();
    await expect(page).toHaveURL(/\/connections(\?.*)?$/);

    const after = await page.request.get(`/api/dli/enhanced-connections/${id}`, { headers: { 'X-CSRF': '1' } });
    expect(((await after.json()) as { status: string }).status).toBe('DELETED');
  });

  test('bind a queue, see it settle, unbind it after confirming, and undo the unbind', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_bind_${unique()}`;
    const id = await createConnection(page, { name, dest_vpc_id: 'vpc-e2e-0004', dest_network_id: 'subnet-e2e-0004' });
    await page.goto(`/connections/${id}`);
    await expect(page.getByText('No queues are bound to this connection.')).toBeVisible();

    const bind = page.getByRole('group', { name: 'Bind more queues' });
    await expect(bind.getByLabel('sql_shared_adhoc', { exact: true })).toBeDisabled();
    await bind.getByLabel('sql_finance_monthly', { exact: true }).check();
    await page.getByRole('button', { name: 'Bind selected queues (1)' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Bound queue sql_finance_monthly to ${name}.` })).toBeVisible();
    const queues = page.getByRole('table', { name: `Queues bound to ${name}` });
    const row = queues.getByRole('row').filter({ hasText: 'sql_finance_monthly' });
    await expect(row).toContainText(/CREATING|ACTIVE/);
    await expect(row).toContainText('ACTIVE', { timeout: 30_000 });
    // Bound queues are no longer offered.
    await expect(bind.getByLabel('sql_finance_monthly', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Unbind queue sql_finance_monthly' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unbind queue sql_finance_monthly?' });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Unbind queue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No queues are bound to this connection.')).toBeVisible();
    // Said where it happened, and undone from there: the keyboard lands on the undo.
    await expect(page.getByRole('status').filter({ hasText: `Unbound queue sql_finance_monthly from ${name}.` })).toBeVisible();
    const undo = page.getByRole('button', { name: 'Undo: bind sql_finance_monthly again' });
    await expect(undo).toBeFocused();
    await screenshot(page, 'connection-unbind-undo');
    await page.keyboard.press('Enter');
    await expect(row).toContainText('ACTIVE', { timeout: 30_000 });
    // A recent time reads relative to now; the absolute one with its zone is on hover.
    const updated = row.locator('time');
    await expect(updated).toHaveText(/ago|now/);
    await expect(updated).toHaveAttribute('title', /UTC$/);
    await screenshot(page, 'connection-undone-unbind');
  });

  test('a viewer sees no change controls and is told why', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_viewer_${unique()}`;
    const id = await createConnection(page, {
      name,
      dest_vpc_id: 'vpc-e2e-0005',
      dest_network_id: 'subnet-e2e-0005',
      hosts: [{ name: 'db01', ip: '10.0.0.1' }],
    });
    await page.context().clearCookies();
    await signIn(page, 'viewer');
    await page.goto(`/connections/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('note')).toContainText("Your role (viewer) can't make changes; ask for operator.");
    for (const label of ['Delete connection', 'Edit hosts', 'Remove all hosts', /^Bind selected/, /^Unbind/]) {
      await expect(page.getByRole('button', { name: label })).toHaveCount(0);
    }
    await page.goto('/connections/new');
    await expect(page.getByRole('note')).toContainText("Your role (viewer) can't make changes");
    await expect(page.getByRole('button', { name: 'Create connection' })).toHaveCount(0);
  });

  test('detail and create pages have no serious accessibility violations', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_axe_${unique()}`;
    const id = await createConnection(page, {
      name,
      dest_vpc_id: 'vpc-e2e-0006',
      dest_network_id: 'subnet-e2e-0006',
      queues: ['spark_failover_test'],
      tags: [{ key: 'env', value: 'e2e' }],
      hosts: [{ name: 'db01', ip: '10.0.0.1' }],
    });
    await page.goto(`/connections/${id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('table', { name: `Hosts of ${name}` })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/connections/new');
    await expect(page.getByLabel('sql_prod_yearly', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('button', { name: 'Add host' }).click();
    await page.getByRole('button', { name: 'Create connection' }).click();
    await expect(page.getByLabel(/^Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a 20,000-line hosts file is read in a worker; one entry more is refused at its line', async ({ page }) => {
    await signIn(page, 'operator');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/connections/new');
    await expect(page.getByLabel('sql_prod_yearly', { exact: true })).toBeVisible();
    // A file, not fill(): typing 400 KB through the editing commands is slow in any textarea.
    const upload = (text: string) =>
      page.getByLabel('Load from a file…').setInputFiles({ name: 'hosts', mimeType: 'text/plain', buffer: Buffer.from(text) });
    const lines = hostsText(20_000);
    await upload(lines);
    // Too large for the text box: read straight into the worker and listed as a table.
    await expect(page.getByText('20,000 entries read from hosts (/etc/hosts style); all valid.')).toBeVisible();
    await expect(page.getByLabel(/^Hosts as text/)).toHaveCount(0);
    expect(workers.some((url) => /hosts-worker/.test(url))).toBe(true);
    await page.getByRole('radio', { name: 'Rows' }).check();
    await expect(page.getByRole('textbox', { name: 'Host name, row 1', exact: true })).toHaveValue('app-0.internal');
    // Only a window of the 20,000 rows is in the DOM.
    expect(await page.locator('.host-rows tbody tr').count()).toBeLessThan(100);

    await upload(`${lines}\n10.99.0.1 one-too-many`);
    await expect(page.getByText('Line 20001: the list holds 20001 entries; at most 20,000 are allowed')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Rows' })).toBeDisabled();
  });

  test('a 20,000-line paste never enters the text box: it is read in a worker, listed, and created as read', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await signIn(page, 'operator');
    const name = `e2e_paste_${unique()}`;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/connections/new');
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-0007');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-0007');
    await page.getByLabel(USABLE[0], { exact: true }).check();
    await page.getByRole('radio', { name: /^Text/ }).check();

    // A real paste: the clipboard, then Ctrl+V in the text box.
    const text = hostsText(20_000);
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.getByLabel(/^Hosts as text/).focus();
    await page.keyboard.press('Control+V');
    const status = page.getByRole('status').filter({ hasText: 'entries read from the pasted text' });
    await expect(status).toHaveText('20,000 entries read from the pasted text (/etc/hosts style); all valid.');
    await expect(page.getByLabel(/^Hosts as text/)).toHaveCount(0);
    const panel = page.getByRole('group', { name: `Pasted text: 20,000 lines, ${text.length.toLocaleString('en-US')} characters` });
    await expect(panel).toBeFocused();
    await expect(panel).toHaveAccessibleDescription(/20,000 entries read from the pasted text/);
    expect(workers.some((url) => /hosts-worker/.test(url))).toBe(true);

    const table = page.getByRole('table', { name: 'Entries read from the pasted text' });
    await expect(table.getByRole('cell', { name: 'app-0.internal', exact: true })).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeLessThan(100);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'connection-create-large-paste-en');

    const created = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/dli/enhanced-connections');
    await page.getByRole('button', { name: 'Create connection' }).click();
    const body = (await created).postDataJSON() as { hosts: { name: string; ip: string }[] };
    expect(body.hosts).toHaveLength(20_000);
    expect(body.hosts[0]).toEqual({ name: 'app-0.internal', ip: '10.20.0.0' });
    expect(body.hosts[19_999]).toEqual({ name: 'app-19999.internal', ip: '10.20.78.31' });
    await expect(page).toHaveURL(/\/connections\/(?!new)[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hosts (20,000)' })).toBeVisible();
  });

  test('a large paste with a bad line names it, and can be shown and fixed as text', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await signIn(page, 'operator');
    await page.goto('/connections/new');
    await expect(page.getByLabel('sql_prod_yearly', { exact: true })).toBeVisible();
    await page.getByRole('radio', { name: /^Text/ }).check();
    const lines = hostsText(3_000).split('\n');
    lines[1_233] = '10.20.4.300 broken';
    await page.evaluate((t) => navigator.clipboard.writeText(t), lines.join('\n'));
    await page.getByLabel(/^Hosts as text/).focus();
    await page.keyboard.press('Control+V');
    await expect(page.getByText('2,999 valid entries read from the pasted text (/etc/hosts style); 1 problems, listed below.')).toBeVisible();
    await expect(page.getByText('Line 1234: 10.20.4.300 is not an IPv4 address')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Rows' })).toBeDisabled();

    await page.getByRole('button', { name: 'Show and edit as text' }).click();
    const area = page.getByLabel(/^Hosts as text/);
    await expect(area).toBeFocused();
    await expect(page.getByText('This text is long (3,000 lines): the page may pause briefly while it changes.')).toBeVisible();
    // Select the bad line's text and type over it, as a user would (fill() would retype it all).
    await area.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('10.20.4.300 broken');
      el.setSelectionRange(at, at + '10.20.4.300 broken'.length);
    });
    await page.keyboard.insertText('10.20.4.30 fixed');
    await expect(page.getByText('Read as /etc/hosts text: 3,000 valid entries.')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Rows' })).toBeEnabled();
  });

  test('replace hosts: a mixed /etc/hosts + CSV paste with a repeat is read and merged; the confirmation lists the changes', async ({ page }) => {
    await signIn(page, 'operator');
    const name = `e2e_hosts_diff_${unique()}`;
    const id = await createConnection(page, {
      name,
      dest_vpc_id: 'vpc-e2e-0007',
      dest_network_id: 'subnet-e2e-0007',
      hosts: [
        { name: 'db01', ip: '10.0.0.1' },
        { name: 'db02', ip: '10.0.0.2' },
        { name: 'old01', ip: '10.0.0.9' },
      ],
    });
    await page.goto(`/connections/${id}`);
    await page.getByRole('button', { name: 'Edit hosts' }).click();
    await page.getByRole('radio', { name: /^Text/ }).check();
    await page
      .getByLabel(/^Hosts as text/)
      .fill(['# from /etc/hosts', '10.0.0.1 db01 db01.internal', '10.0.0.22 db02', 'web01,10.0.0.30', '10.0.0.1 db01'].join('\n'));
    await expect(page.getByText('Read line by line (/etc/hosts and CSV): 4 valid entries.')).toBeVisible();
    await expect(page.getByText('Repeats merged (same name and IP as an earlier line): 1.')).toBeVisible();
    await expect(page.getByText(/^Problems:/)).toHaveCount(0);

    await page.getByRole('button', { name: 'Save hosts…' }).click();
    const dialog = page.getByRole('dialog', { name: `Replace the hosts of ${name}?` });
    await expect(dialog).toContainText('Hosts now: 3; after saving: 4.');
    await expect(dialog.getByRole('region', { name: 'Added (2)' })).toContainText('db01.internal 10.0.0.1');
    await expect(dialog.getByRole('region', { name: 'Added (2)' })).toContainText('web01 10.0.0.30');
    await expect(dialog.getByRole('region', { name: 'Removed (1)' })).toContainText('old01 10.0.0.9');
    await expect(dialog.getByRole('region', { name: 'Address changed (1)' })).toContainText('db02: 10.0.0.2 → 10.0.0.22');
    await expect(dialog).toContainText('Unchanged: 1');
    await screenshot(page, 'connection-replace-hosts-diff');
    await dialog.getByRole('button', { name: 'Replace hosts' }).click();
    await expect(page.getByRole('heading', { name: 'Hosts (4)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit hosts' })).toBeFocused();
  });

  test('the create form in Chinese', async ({ page }) => {
    await page.addInitScript(() => window.localStorage.setItem('dsc.language', 'zh-CN'));
    await signIn(page, 'operator');
    await page.goto('/connections/new');
    await expect(page.getByRole('heading', { level: 1, name: '新建增强型跨源连接' })).toBeVisible();
    await expect(page.getByText('不可用于增强型跨源连接（3）')).toBeVisible();
    await screenshot(page, 'connection-create-zh');
  });
});
