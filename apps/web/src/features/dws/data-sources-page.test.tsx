import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../test/fetch-mock.ts';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const clusters = [
  { id: 'c-1', name: 'dws-prod', status: 'ACTIVE' },
  { id: 'c-2', name: 'dws-old', status: 'FROZEN' },
];

const baseSources = () => [
  { id: 's-1', name: 'obs_orders', type: 'OBS', user_name: 'DWSAccessOBS', configure_status: 200, status: 'AVAILABLE' },
  { id: 's-2', name: 'mrs_sales', type: 'MRS', user_name: 'mrs_reader', configure_status: '600', status: 'AVAILABLE' },
  { id: 's-3', name: 'lf_new', type: 'LAKE_FORMATION', user_name: 'lf_agency', configure_status: 'creating', status: 'UNAVAILABLE' },
  {
    id: 's-4',
    name: 'obs_broken',
    type: 'OBS',
    user_name: 'x',
    configure_status: 300,
    status: 'UNAVAILABLE',
    fail_reason: 'Agency x has no permission to access OBS bucket b',
  },
  { id: 's-5', name: 'odd_one', type: 'OBS', user_name: 'y', configure_status: 999, status: 'AVAILABLE' },
];

/**
 * DWS behind the BFF: clusters, sources, reconfigure (→ a job) and jobs that report RUNNING once
 * and then end; an agency containing "fail" makes the job FAIL, as the simulator does.
 */
function fakeDws() {
  const sources = new Map<string, ReturnType<typeof baseSources>>([
    ['c-1', baseSources()],
    ['c-2', baseSources().slice(0, 1)],
  ]);
  const jobs = new Map<string, { reads: number; fail: boolean; sourceId: string; reboot: boolean }>([
    ['job-fail', { reads: 0, fail: true, sourceId: 's-1', reboot: false }],
  ]);
  let next = 0;
  const mock = mockFetch((req) => {
    const p = req.url.pathname;
    if (p === '/api/dws/clusters') return jsonResponse({ clusters, count: clusters.length });
    const src = /^\/api\/dws\/clusters\/([^/]+)\/ext-data-sources(?:\/([^/]+))?$/.exec(p);
    if (src && req.method === 'GET') return jsonResponse({ data_sources: sources.get(src[1]!) ?? [], count: 0 });
    if (src && req.method === 'PUT') {
      const { reconfigure } = req.body as { reconfigure: { reboot?: boolean; agency?: string } };
      const jobId = `job-${++next}`;
      jobs.set(jobId, { reads: 0, fail: (reconfigure.agency ?? '').includes('fail'), sourceId: src[2]!, reboot: Boolean(reconfigure.reboot) });
      const s = sources.get(src[1]!)!.find((x) => x.id === src[2]);
      if (s) s.configure_status = 'UPDATING';
      return jsonResponse({ job_id: jobId });
    }
    const jobMatch = /^\/api\/dws\/jobs\/([^/]+)$/.exec(p);
    if (jobMatch) {
      const job = jobs.get(jobMatch[1]!);
      if (!job) return jsonResponse({ error: { code: 'NOT_FOUND', status: 404, message: 'no job' } }, { status: 404 });
      job.reads += 1;
      if (job.reads <= 2) return jsonResponse({ job_id: jobMatch[1], job_name: 'updateExtDataSource', status: 'RUNNING', progress: 40 });
      const s = [...sources.values()].flat().find((x) => x.id === job.sourceId);
      if (s) s.configure_status = job.fail ? 300 : job.reboot ? 200 : 600;
      return jsonResponse({
        job_id: jobMatch[1],
        job_name: 'updateExtDataSource',
        status: job.fail ? 'FAIL' : 'SUCCESS',
        progress: job.fail ? 60 : 100,
        failed_code: job.fail ? 'DWS.6110' : null,
        failed_detail: job.fail ? 'Agency fail_agency does not grant GaussDB(DWS) access to the data source.' : null,
        begin_time: '2024-05-01T10:00:00Z',
        end_time: '2024-05-01T10:00:04Z',
      });
    }
    return jsonResponse({ error: { code: 'NOT_FOUND', status: 404, message: p } }, { status: 404 });
  });
  return { ...mock, sources };
}

const sourceReads = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'GET' && r.url.pathname === '/api/dws/clusters/c-1/ext-data-sources').length;
const operator = () => testQueryClient({ user: testUser('operator') });
const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name: new RegExp(name) })).closest('tr')!;

describe('DWS external data sources', { timeout: 20_000 }, () => {
  it('writes the configure status as words whatever form the code arrives in', async () => {
    fakeDws();
    renderApp('/dws/clusters/c-1/data-sources', operator());
    expect(await screen.findByRole('heading', { name: 'External data sources of dws-prod' })).toBeInTheDocument();
    expect(within(await rowOf('obs_orders')).getByText('ACTIVE')).toBeInTheDocument();
    expect(within(await rowOf('mrs_sales')).getByText('PENDING REBOOT')).toBeInTheDocument();
    expect(within(await rowOf('lf_new')).getByText('CREATING')).toBeInTheDocument();
    const broken = await rowOf('obs_broken');
    expect(within(broken).getByText('FAILED')).toBeInTheDocument();
    expect(within(broken).getByText('Agency x has no permission to access OBS bucket b')).toBeInTheDocument();
    const odd = await rowOf('odd_one');
    expect(within(odd).getByText('UNKNOWN')).toBeInTheDocument();
    expect(within(odd).getByText('999')).toBeInTheDocument();
    // Type, user/agency and the source's own status are shown too.
    expect(within(await rowOf('lf_new')).getByText('LakeFormation')).toBeInTheDocument();
    expect(within(await rowOf('lf_new')).getByText('lf_agency')).toBeInTheDocument();
    expect(within(await rowOf('lf_new')).getByText('UNAVAILABLE')).toBeInTheDocument();
    expect(screen.getByText(/Some data sources are still changing/)).toBeInTheDocument();
  });

  it('a PENDING_REBOOT source says so and offers reconfigure with reboot; a changing one offers nothing', async () => {
    fakeDws();
    renderApp('/dws/clusters/c-1/data-sources', operator());
    const pending = await rowOf('mrs_sales');
    expect(within(pending).getByText('The change takes effect when the cluster restarts.')).toBeInTheDocument();
    expect(within(pending).getByRole('button', { name: 'Reconfigure with reboot: mrs_sales' })).toBeInTheDocument();
    expect(within(await rowOf('obs_orders')).queryByRole('button', { name: /with reboot/ })).not.toBeInTheDocument();
    const creating = await rowOf('lf_new');
    expect(within(creating).queryByRole('button')).not.toBeInTheDocument();
    expect(within(creating).getByText('A job is changing it')).toBeInTheDocument();
  });

  it('a frozen cluster is marked in words and offers no changes', async () => {
    fakeDws();
    renderApp('/dws/clusters/c-2/data-sources', operator());
    expect(
      await screen.findByText('This cluster is frozen (FROZEN): its data sources are shown but cannot be changed.'),
    ).toBeInTheDocument();
    await rowOf('obs_orders');
    expect(screen.queryByRole('button', { name: /Reconfigure/ })).not.toBeInTheDocument();
  });

  it('a viewer sees the sources, no change buttons, and why', async () => {
    fakeDws();
    renderApp('/dws/clusters/c-1/data-sources', testQueryClient({ user: testUser('viewer') }));
    await rowOf('obs_orders');
    expect(screen.queryByRole('button', { name: /Reconfigure/ })).not.toBeInTheDocument();
    expect(screen.getByText("Your role (viewer) can't make changes; ask for operator.")).toBeInTheDocument();
  });

  it('reconfigure without reboot: the job is followed to SUCCESS, shown in the header, then the list refreshes', async () => {
    const { requests } = fakeDws();
    const { router } = renderApp('/dws/clusters/c-1/data-sources', operator());
    await userEvent.click(within(await rowOf('obs_orders')).getByRole('button', { name: 'Reconfigure obs_orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reconfigure “obs_orders”' });
    const agency = within(dialog).getByLabelText('Agency name');
    expect(agency).toHaveValue('DWSAccessOBS');
    expect(within(dialog).getByRole('switch')).not.toBeChecked();
    expect(within(dialog).queryByLabelText(/Type the cluster name/)).not.toBeInTheDocument();
    await userEvent.clear(agency);
    await userEvent.type(agency, 'dws_obs_agency');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reconfigure' }));

    await waitFor(() => expect(router.state.location.search).toEqual({ job: 'job-1' }));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/dws/clusters/c-1/ext-data-sources/s-1');
    expect(put.body).toEqual({ reconfigure: { reboot: false, agency: 'dws_obs_agency' } });

    const panel = await screen.findByRole('region', { name: /Job job-1/ });
    expect(within(panel).getByText('RUNNING')).toBeInTheDocument();
    expect(within(panel).getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByRole('link', { name: '1 job running in DWS: show it' })).toHaveAttribute(
      'href',
      '/dws/clusters/c-1/data-sources?job=job-1',
    );
    const readsBefore = sourceReads(requests);

    expect(await within(panel).findByText('SUCCESS', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(panel).getByText('The job succeeded. The data source list has been refreshed.')).toBeInTheDocument();
    await waitFor(() => expect(sourceReads(requests)).toBeGreaterThan(readsBefore));
    // The re-read is sent; its answer is shown once it has arrived and been checked.
    expect(await within(await rowOf('obs_orders')).findByText('PENDING REBOOT')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: /job running in DWS/ })).not.toBeInTheDocument());
  });

  it('reconfigure with reboot says the cluster restarts and needs its name typed', async () => {
    const { requests } = fakeDws();
    renderApp('/dws/clusters/c-1/data-sources', operator());
    await userEvent.click(
      within(await rowOf('mrs_sales')).getByRole('button', { name: 'Reconfigure with reboot: mrs_sales' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Reconfigure “mrs_sales”' });
    expect(within(dialog).getByRole('switch')).toBeChecked();
    expect(within(dialog).getByText('This restarts the cluster dws-prod.')).toBeInTheDocument();
    expect(within(dialog).getByText(/every connection to the cluster is dropped/)).toBeInTheDocument();
    // An MRS source's user is not an agency: nothing is prefilled.
    expect(within(dialog).getByLabelText('Agency name')).toHaveValue('');

    const submit = within(dialog).getByRole('button', { name: 'Reconfigure and restart the cluster' });
    // Cancel, then the action, at the right: the same button row as every other dialog.
    expect(submit.parentElement).toHaveClass('confirm-dialog__actions');
    await userEvent.click(submit);
    const confirm = within(dialog).getByLabelText(/Type the cluster name \(dws-prod\)/);
    expect(await within(dialog).findByText('Type dws-prod exactly to confirm the restart.')).toBeInTheDocument();
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(confirm, 'dws-pro');
    await userEvent.click(submit);
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await userEvent.type(confirm, 'd');
    await userEvent.click(submit);
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ reconfigure: { reboot: true } });
    expect(await screen.findByRole('region', { name: /Job job-1/ })).toBeInTheDocument();
  });

  it('turning reboot off again drops the confirmation', async () => {
    const { requests } = fakeDws();
    renderApp('/dws/clusters/c-1/data-sources', operator());
    await userEvent.click(within(await rowOf('obs_orders')).getByRole('button', { name: 'Reconfigure obs_orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reconfigure “obs_orders”' });
    await userEvent.click(within(dialog).getByRole('switch'));
    expect(within(dialog).getByText('This restarts the cluster dws-prod.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('switch'));
    expect(within(dialog).queryByText('This restarts the cluster dws-prod.')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reconfigure' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ reconfigure: { reboot: false, agency: 'DWSAccessOBS' } });
  });

  it('a job in the URL is followed after a reload; a FAIL shows its failed_code and detail', async () => {
    fakeDws();
    renderApp('/dws/clusters/c-1/data-sources?job=job-fail', operator());
    const panel = await screen.findByRole('region', { name: /Job job-fail/ });
    expect(await within(panel).findByText('RUNNING')).toBeInTheDocument();
    const failure = await within(panel).findByRole('alert', {}, { timeout: 10_000 });
    expect(within(failure).getByText('The job failed.')).toBeInTheDocument();
    expect(within(failure).getByText('DWS.6110')).toBeInTheDocument();
    expect(
      within(failure).getByText('Agency fail_agency does not grant GaussDB(DWS) access to the data source.'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('FAILED')).toBeInTheDocument();
  });
});

describe('DWS clusters', { timeout: 20_000 }, () => {
  it('marks frozen and failed clusters in words and links each to its data sources', async () => {
    mockFetch(() =>
      jsonResponse({
        clusters: [
          { id: 'c-1', name: 'warehouse', status: 'ACTIVE', version: '8.1.3' },
          { id: 'c-2', name: 'frozen_one', status: 'POLICE_FROZEN' },
          {
            id: 'c-3',
            name: 'broken',
            status: 'CREATE_FAILED',
            failed_reasons: { 'DWS.6000': { error_code: 'DWS.6000', error_msg: 'No free IP addresses' } },
          },
        ],
      }),
    );
    renderApp('/dws/clusters');
    const ok = await rowOf('warehouse');
    expect(within(ok).getByText('Allowed')).toBeInTheDocument();
    expect(within(ok).getByRole('link', { name: 'warehouse' })).toHaveAttribute('href', '/dws/clusters/c-1/data-sources');
    const frozen = await rowOf('frozen_one');
    expect(within(frozen).getByText('FROZEN (POLICY)')).toHaveAttribute('data-tone', 'warning');
    expect(within(frozen).getByText('Not allowed: the cluster is frozen')).toBeInTheDocument();
    const broken = await rowOf('broken');
    expect(within(broken).getByText('Not allowed: the cluster has failed')).toBeInTheDocument();
    expect(within(broken).getByRole('tooltip')).toHaveTextContent('DWS.6000: No free IP addresses');
  });
});
