import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

// DWS external data sources (issue 5), as an operator against the simulator (SIM_TIMING
// seconds:2: a job ends about two seconds after it starts). The simulator fails a job whose
// agency contains "fail" with DWS.6110. These tests change sources of the dws-staging cluster
// only, and pick a source that is free (not being changed) each time.

const CLUSTER = 'dws-staging';
const SLOW_FIRST_JOB_READ = { operation: 'dws.getJob', latencyMs: 4000, times: 1 } as const;

async function useChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('dsc.language', 'zh-CN'));
}

const CONFIGURE_NAMES: Record<string, string> = { '200': 'ACTIVE', '300': 'FAILED', '600': 'PENDING_REBOOT' };
const configureName = (v: unknown) => CONFIGURE_NAMES[String(v)] ?? String(v).toUpperCase();

/**
 * A source of the cluster waiting for a restart (PENDING_REBOOT). When the shared simulator has
 * none left, one is made the way an operator would: a reconfigure without reboot, through the API.
 */
async function ensurePendingReboot(page: Page): Promise<string> {
  const headers = { 'X-CSRF': '1' };
  const clusters = (await (await page.request.get('/api/dws/clusters', { headers })).json()) as { clusters: { id: string; name: string }[] };
  const clusterId = clusters.clusters.find((c) => c.name === CLUSTER)!.id;
  const list = async () =>
    ((await (await page.request.get(`/api/dws/clusters/${clusterId}/ext-data-sources`, { headers })).json()) as {
      data_sources: { id: string; name: string; configure_status: unknown }[];
    }).data_sources;
  const pending = (await list()).find((s) => configureName(s.configure_status) === 'PENDING_REBOOT');
  if (pending) return pending.name;
  const free = (await list()).find((s) => ['ACTIVE', 'FAILED'].includes(configureName(s.configure_status)))!;
  const r = await page.request.put(`/api/dws/clusters/${clusterId}/ext-data-sources/${free.id}`, {
    headers,
    data: { reconfigure: { reboot: false } },
  });
  expect(r.status()).toBe(200);
  const { job_id } = (await r.json()) as { job_id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/dws/jobs/${job_id}`, { headers })).json()) as { status: string }).status, {
      timeout: 20_000,
    })
    .toBe('SUCCESS');
  return free.name;
}

async function openCluster(page: Page, name = CLUSTER) {
  await page.goto('/dws/clusters');
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/\/dws\/clusters\/[^/]+\/data-sources/);
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
}

/** A row offering the given button (a source not being changed right now), and its name. */
async function rowWith(page: Page, button: RegExp): Promise<{ row: Locator; name: string }> {
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: button }) }).first();
  await expect(row).toBeVisible();
  const name = (await row.locator('th span > span').first().textContent())!.trim();
  return { row, name };
}

test.describe('DWS external data sources', () => {
  test.afterEach(async ({ request }) => {
    await sim(request, 'DELETE', '/faults', [SLOW_FIRST_JOB_READ]);
  });

  test('clusters show their status in words; frozen and failed ones are not offered for changes', async ({ page }) => {
    await signIn(page, 'operator');
    await page.goto('/dws/clusters');
    const frozen = page.getByRole('row').filter({ hasText: 'dws-archive-legacy' });
    await expect(frozen).toContainText('FROZEN');
    await expect(frozen).toContainText('Not allowed: the cluster is frozen');
    const failed = page.getByRole('row').filter({ hasText: 'dws-eu-replica' });
    await expect(failed).toContainText('CREATE FAILED');
    await expect(failed).toContainText('Not allowed: the cluster has failed');
    await expect(page.getByRole('row').filter({ hasText: CLUSTER })).toContainText('Allowed');
    await screenshot(page, 'dws-clusters-en');

    await openCluster(page, 'dws-archive-legacy');
    await expect(page.getByText(/This cluster is frozen \(FROZEN\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: /Reconfigure/ })).toHaveCount(0);
    await screenshot(page, 'dws-sources-frozen-en');
  });

  test('reconfigure without reboot and follow the job to SUCCESS, also after a reload', async ({ page, request }) => {
    await signIn(page, 'operator');
    await openCluster(page);
    await screenshot(page, 'dws-sources-en');
    const { name } = await rowWith(page, /^Reconfigure (?!.*with reboot)/);
    await page.getByRole('button', { name: `Reconfigure ${name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reconfigure “${name}”` });
    await expect(dialog.getByRole('switch')).not.toBeChecked();
    await dialog.getByLabel('Agency name').fill('dws_obs_agency');
    await screenshot(page, 'dws-reconfigure-en');
    // The first job read answers slowly, so the running state can be seen for certain.
    await sim(request, 'PATCH', '/faults', [SLOW_FIRST_JOB_READ]);
    await dialog.getByRole('button', { name: 'Reconfigure', exact: true }).click();

    await expect(page).toHaveURL(/\?job=[0-9a-f]{32}/);
    const jobId = /job=([0-9a-f]{32})/.exec(page.url())![1]!;
    const indicator = page.getByRole('banner').getByRole('link', { name: /jobs? running in DWS/ });
    await expect(indicator).toBeVisible();
    await expect(indicator).toHaveAttribute('href', new RegExp(`job=${jobId}`));
    const panel = page.getByRole('region', { name: new RegExp(`Job ${jobId}`) });
    await expect(panel).toBeVisible();
    await screenshot(page, 'dws-job-indicator-en');

    // The job is in the URL: a reload keeps following it.
    await page.reload();
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('job-status')).toContainText('SUCCESS');
    await expect(panel).toContainText('The job succeeded. The data source list has been refreshed.');
    await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(indicator).toBeHidden();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toContainText('PENDING REBOOT');
    await expect(row).toContainText('dws_obs_agency');
    await expect(row).toContainText('The change takes effect when the cluster restarts.');
    await screenshot(page, 'dws-job-success-en');
  });

  test('reconfigure with reboot requires the cluster name typed first', async ({ page, request }) => {
    await signIn(page, 'operator');
    const name = await ensurePendingReboot(page);
    await openCluster(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toContainText('PENDING REBOOT');
    await expect(row).toContainText('The change takes effect when the cluster restarts.');
    await page.getByRole('button', { name: `Reconfigure with reboot: ${name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reconfigure “${name}”` });
    await expect(dialog.getByRole('switch')).toBeChecked();
    await expect(dialog).toContainText(`This restarts the cluster ${CLUSTER}.`);
    await expect(dialog).toContainText('every connection to the cluster is dropped');

    await sim(request, 'DELETE', '/requests');
    const submit = dialog.getByRole('button', { name: 'Reconfigure and restart the cluster' });
    await submit.click();
    const confirm = dialog.getByLabel(`Type the cluster name (${CLUSTER}) to confirm the restart`);
    await expect(dialog.getByText(`Type ${CLUSTER} exactly to confirm the restart.`)).toBeVisible();
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await confirm.fill('dws-stagin');
    await submit.click();
    await expect(dialog.getByText(`Type ${CLUSTER} exactly to confirm the restart.`)).toBeVisible();
    await screenshot(page, 'dws-reconfigure-reboot-en');
    const sent = (await sim(request, 'GET', '/requests')) as Array<{ operation: string }>;
    expect(sent.filter((r) => r.operation === 'dws.reconfigureExtDataSource')).toEqual([]);

    await confirm.fill(CLUSTER);
    await submit.click();
    await expect(page).toHaveURL(/\?job=/);
    const panel = page.getByRole('region', { name: /^Job / });
    // Usually still RUNNING here (a job takes two seconds); the screenshot shows whichever it is.
    await expect(panel.getByTestId('job-status')).toBeVisible();
    await screenshot(page, 'dws-job-running-en');
    await expect(panel.getByTestId('job-status')).toContainText('SUCCESS');
    await expect(row.getByText('ACTIVE', { exact: true })).toBeVisible();
    const reconfigures = ((await sim(request, 'GET', '/requests')) as Array<{ operation: string; bodyText: string; signature: string }>).filter(
      (r) => r.operation === 'dws.reconfigureExtDataSource',
    );
    expect(reconfigures).toHaveLength(1);
    expect(reconfigures[0]!.signature).toBe('ok');
    expect(JSON.parse(reconfigures[0]!.bodyText)).toEqual({ reconfigure: { reboot: true } });
  });

  test('a cluster with no data sources offers to add one where the empty table says so', async ({ page }) => {
    await signIn(page, 'operator');
    await page.goto('/dws/clusters');
    await page.getByRole('table').getByRole('link', { name: 'dws-dev-sandbox', exact: true }).click();
    const table = page.getByRole('table');
    await expect(table).toContainText('No external data sources');
    await screenshot(page, 'dws-sources-empty-en');
    await table.getByRole('button', { name: 'Add a data source' }).click();
    const dialog = page.getByRole('dialog', { name: 'New external data source on dws-dev-sandbox' });
    await expect(dialog.getByRole('combobox').first()).toBeFocused();
    // Cancel then Create, right-aligned, as in every other dialog.
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const create = dialog.getByRole('button', { name: 'Create' });
    const [c, k, d] = [await cancel.boundingBox(), await create.boundingBox(), await dialog.boundingBox()];
    expect(c!.x).toBeLessThan(k!.x);
    expect(d!.x + d!.width - (k!.x + k!.width)).toBeLessThan(40);
    await screenshot(page, 'dws-create-dialog-en');
    await cancel.click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('button', { name: 'Add a data source' })).toBeFocused();
  });

  test('a job that fails shows its failed_code and detail', async ({ page }) => {
    await signIn(page, 'operator');
    await openCluster(page);
    const { name } = await rowWith(page, /^Reconfigure (?!.*with reboot)/);
    await page.getByRole('button', { name: `Reconfigure ${name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reconfigure “${name}”` });
    await dialog.getByLabel('Agency name').fill('e2e_fail_agency');
    await dialog.getByRole('button', { name: 'Reconfigure', exact: true }).click();
    const panel = page.getByRole('region', { name: /^Job / });
    const failure = panel.getByRole('alert');
    await expect(failure).toContainText('The job failed.');
    await expect(failure).toContainText('DWS.6110');
    await expect(failure).toContainText('Agency e2e_fail_agency does not grant GaussDB(DWS) access to the data source.');
    await expect(panel.getByTestId('job-status')).toContainText('FAILED');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toContainText('Agency e2e_fail_agency does not grant');
    await screenshot(page, 'dws-job-failed-en');
  });

  test('every DWS screen in Chinese', async ({ page, request }) => {
    await useChinese(page);
    await signIn(page, 'operator');
    await page.goto('/dws/clusters');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('DWS 集群');
    await expect(page.getByText('不允许：集群已冻结')).toBeVisible();
    await screenshot(page, 'dws-clusters-zh');

    await openCluster(page);
    await screenshot(page, 'dws-sources-zh');
    const { name } = await rowWith(page, /^重新配置 (?!.*并重启)/);
    await page.getByRole('button', { name: `重新配置 ${name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `重新配置“${name}”` });
    await dialog.getByRole('switch').check();
    await expect(dialog).toContainText(`这将重启集群 ${CLUSTER}。`);
    await dialog.getByRole('button', { name: '重新配置并重启集群' }).click();
    await expect(dialog.getByText(`请准确输入 ${CLUSTER} 以确认重启。`)).toBeVisible();
    await screenshot(page, 'dws-reconfigure-reboot-zh');
    await dialog.getByRole('switch').uncheck();
    await dialog.getByLabel('委托名称').fill('zh_fail_agency');
    await screenshot(page, 'dws-reconfigure-zh');
    await sim(request, 'PATCH', '/faults', [SLOW_FIRST_JOB_READ]);
    await dialog.getByRole('button', { name: '重新配置', exact: true }).click();
    const panel = page.getByRole('region', { name: /^任务 / });
    await expect(page.getByRole('banner').getByRole('link', { name: /任务运行中（DWS）/ })).toBeVisible();
    await screenshot(page, 'dws-job-running-zh');
    await expect(panel.getByRole('alert')).toContainText('DWS.6110');
    await expect(panel.getByRole('alert')).toContainText('任务失败。');
    await screenshot(page, 'dws-job-failed-zh');
  });
});
