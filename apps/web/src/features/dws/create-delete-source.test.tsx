import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const clusters = [{ id: 'c-1', name: 'dws-prod', status: 'ACTIVE' }];
const source = { id: 's-1', name: 'obs_orders', type: 'OBS', user_name: 'DWSAccessOBS', configure_status: 200, status: 'AVAILABLE' };

function fake() {
  return mockFetch((req) => {
    const p = req.url.pathname;
    if (p === '/api/dws/clusters') return jsonResponse({ clusters, count: 1 });
    if (p === '/api/dws/clusters/c-1/ext-data-sources' && req.method === 'GET') return jsonResponse({ data_sources: [source], count: 1 });
    if (p === '/api/dws/clusters/c-1/ext-data-sources' && req.method === 'POST') return jsonResponse({ id: 's-new', job_id: 'job-create' });
    if (p === '/api/dws/clusters/c-1/ext-data-sources/s-1' && req.method === 'DELETE') return jsonResponse({ job_id: 'job-delete' });
    const job = /^\/api\/dws\/jobs\/(.+)$/.exec(p);
    if (job) return jsonResponse({ job_id: job[1], job_name: 'x', status: 'SUCCESS', progress: '100' });
    return jsonResponse({}, { status: 404 });
  });
}

describe('DWS external data sources: create and delete', { timeout: 30_000 }, () => {
  it('creates an MRS source (cluster id and password required for MRS) and follows the job', async () => {
    const { requests } = fake();
    const user = userEvent.setup();
    const { router } = renderApp('/dws/clusters/c-1/data-sources', testQueryClient({ user: testUser('operator') }));
    await user.click(await screen.findByRole('button', { name: 'New data source' }));
    const dialog = await screen.findByRole('dialog', { name: 'New external data source on dws-prod' });
    await user.selectOptions(within(dialog).getByLabelText(/Type/), 'MRS');
    await user.type(within(dialog).getByLabelText(/^Name/), 'mrs_sales');
    await user.type(within(dialog).getByLabelText(/User name/), 'mrs_reader');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findAllByText('This field is required for MRS', {}, { timeout: 5_000 })).toHaveLength(2);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.type(within(dialog).getByLabelText(/MRS cluster ID/), 'mrs-cluster-1');
    await user.type(within(dialog).getByLabelText(/MRS user password/), 'Pw-123456');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ job: 'job-create' }));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      type: 'MRS',
      data_source_name: 'mrs_sales',
      user_name: 'mrs_reader',
      data_source_id: 'mrs-cluster-1',
      user_pwd: 'Pw-123456',
    });
  });

  it('deletes after confirming and follows the job; a viewer is offered neither', async () => {
    const { requests } = fake();
    const user = userEvent.setup();
    const { router } = renderApp('/dws/clusters/c-1/data-sources', testQueryClient({ user: testUser('operator') }));
    await user.click(await screen.findByRole('button', { name: 'Delete obs_orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete data source “obs_orders”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ job: 'job-delete' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('a viewer is offered neither create nor delete', async () => {
    fake();
    renderApp('/dws/clusters/c-1/data-sources', testQueryClient({ user: testUser('viewer') }));
    await screen.findByText('obs_orders');
    expect(screen.queryByRole('button', { name: 'New data source' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete obs_orders' })).not.toBeInTheDocument();
  });
});
