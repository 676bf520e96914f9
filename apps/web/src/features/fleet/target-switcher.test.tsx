import type { TargetSummary } from '@dsc/api-types';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, viewPageResponse } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient } from '../../test/render-app.tsx';

vi.setConfig({ testTimeout: 30_000 });

const TARGETS: TargetSummary[] = [
  { id: 'prod-bj4', name: 'Production Beijing', region: 'cn-north-4', projectId: 'p1', role: 'viewer', default: true },
  { id: 'staging-bj4', name: 'Staging Beijing', region: 'cn-north-4', projectId: 'p2', role: 'operator', default: false },
];
const client = () =>
  testQueryClient({
    user: { username: 'oncall', role: 'viewer', targets: { 'prod-bj4': 'viewer', 'staging-bj4': 'operator' } },
    targets: TARGETS,
  });
const emptyList = () => viewPageResponse();

describe('the current target', () => {
  it('prefixes catalogue calls with /api/t/<target>, keeps the target on navigation links and checks the role held there', async () => {
    const { requests } = mockFetch(emptyList);
    renderApp('/connections?target=staging-bj4', client());
    await screen.findByRole('table', { name: /Enhanced connections, page/ });
    await waitFor(() => expect(requests.map((r) => r.url.pathname)).toContain('/api/t/staging-bj4/views/dli/enhanced-connections'));
    expect(requests.map((r) => r.url.pathname)).not.toContain('/api/views/dli/enhanced-connections');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'MRS data connectors' })).toHaveAttribute('href', '/mrs/data-connectors?target=staging-bj4');
    // operator on staging: may create there
    expect(screen.getAllByRole('link', { name: /Create connection/ })[0]).toBeInTheDocument();
    expect(await screen.findByTestId('current-target')).toHaveTextContent('Staging Beijing');
  });

  it('uses the role on the default target without a target in the URL, and marks production', async () => {
    const { requests } = mockFetch(emptyList);
    renderApp('/connections', client());
    await screen.findByRole('table', { name: /Enhanced connections, page/ });
    await waitFor(() => expect(requests.map((r) => r.url.pathname)).toContain('/api/views/dli/enhanced-connections'));
    expect(screen.queryByRole('link', { name: /Create connection/ })).not.toBeInTheDocument();
    expect(screen.getAllByText(/Your role \(viewer\) can't create connections/)[0]).toBeInTheDocument();
    const mark = await screen.findByTestId('current-target');
    expect(mark).toHaveTextContent('Production Beijing');
    expect(within(mark).getByText('Production')).toBeInTheDocument();
  });

  it('switches target from the labelled header select and keeps caches apart', async () => {
    const { requests } = mockFetch((req) =>
      viewPageResponse([
          {
            id: `id-${req.url.pathname.startsWith('/api/t/') ? 'staging' : 'prod'}`,
            name: req.url.pathname.startsWith('/api/t/') ? 'staging_conn' : 'prod_conn',
            status: 'ACTIVE',
            available_queue_info: [],
            dest_vpc_id: 'v',
            dest_network_id: 's',
            create_time: 1,
            host_count: 0,
          },
        ]),
    );
    const { router } = renderApp('/connections', client());
    await screen.findByRole('rowheader', { name: /prod_conn/ });
    const select = await screen.findByRole('combobox', { name: 'Target' });
    expect(within(select).getByRole('option', { name: '[PROD] Production Beijing · cn-north-4' })).toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'All targets' })).toBeInTheDocument();

    await userEvent.selectOptions(select, 'staging-bj4');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ target: 'staging-bj4' }));
    expect(await screen.findByRole('rowheader', { name: /staging_conn/ })).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: /prod_conn/ })).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/t/staging-bj4/views/dli/enhanced-connections')).toBe(true);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Target' }), 'prod-bj4');
    await waitFor(() => expect(router.state.location.search).not.toHaveProperty('target'));
    expect(await screen.findByRole('rowheader', { name: /prod_conn/ })).toBeInTheDocument();
  });
});
