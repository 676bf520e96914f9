import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleError, jsonResponse } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse, sampleConnection } from './editor-test-bff.ts';
import { connectionKeys } from './queries.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => fakeLayout());

const DETAIL = 'GET /api/dli/enhanced-connections/conn-1';

function open(role: 'viewer' | 'operator' = 'operator', client = testQueryClient({ user: testUser(role) })) {
  return renderApp('/connections/conn-1', client);
}

describe('connection detail: what the API returns', () => {
  it('shows every field of the get-one answer, queues with their status, and hosts', async () => {
    mockBff({
      [DETAIL]: () =>
        jsonResponse(
          sampleConnection({
            elastic_resource_pools: [{ name: 'pool_analytics', status: 'CREATING', peer_id: 'pp', err_msg: '' }],
            vendor_extra: 'kept',
          }),
        ),
      'GET /api/dli/queues': queuesResponse,
    });
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'orders_mysql' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Connection' });
    for (const text of ['conn-1', 'vpc-orders', 'subnet-orders', 'rtb-1', 'Disabled', 'env', 'prod', 'pool_analytics']) {
      expect(within(summary).getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(within(summary).getByText('vendor_extra')).toBeInTheDocument();

    const queues = screen.getByRole('table', { name: 'Queues bound to orders_mysql' });
    const failed = within(queues).getByRole('rowheader', { name: 'spark_etl_prod' }).closest('tr')!;
    expect(failed).toHaveTextContent('FAILED');
    expect(failed).toHaveTextContent('The subnet has no free IP');
    expect(within(queues).getByRole('rowheader', { name: 'sql_prod_yearly' }).closest('tr')).toHaveTextContent('ACTIVE');

    const hosts = screen.getByRole('table', { name: 'Hosts of orders_mysql' });
    expect(within(hosts).getByText('db02')).toBeInTheDocument();
    // The pool is still CREATING: the page says it keeps itself up to date.
    expect(screen.getByText(/updates by itself every few seconds/)).toBeInTheDocument();
  });

  it('copies the connection ID from the header', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mockBff({ [DETAIL]: () => jsonResponse(sampleConnection()), 'GET /api/dli/queues': queuesResponse });
    open('viewer');
    await screen.findByRole('heading', { level: 1, name: 'orders_mysql' });
    const button = screen.getByRole('button', { name: 'Copy the ID of orders_mysql' });
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('conn-1');
    expect(within(button.parentElement!).getByRole('status')).toHaveTextContent('Copied');
    vi.unstubAllGlobals();
  });

  it('keeps polling while a binding is CREATING and stops once it settles', async () => {
    let reads = 0;
    const { requests } = mockBff({
      [DETAIL]: () => {
        reads += 1;
        const status = reads < 2 ? 'CREATING' : 'ACTIVE';
        return jsonResponse(
          sampleConnection({ available_queue_info: [{ peer_id: 'p', name: 'sql_prod_yearly', status, err_msg: '' }] }),
        );
      },
      'GET /api/dli/queues': queuesResponse,
    });
    open();
    const table = await screen.findByRole('table', { name: 'Queues bound to orders_mysql' });
    expect(within(table).getByText('CREATING')).toBeInTheDocument();
    await waitFor(() => expect(within(table).getByText('ACTIVE')).toBeInTheDocument(), { timeout: 12_000 });
    const settled = requests.filter((r) => r.url.pathname.endsWith('/conn-1')).length;
    // Longer than one polling interval (5 s): no further read may happen once nothing is CREATING.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(requests.filter((r) => r.url.pathname.endsWith('/conn-1')).length).toBe(settled);
  });

  it('draws only the visible rows of 20,000 hosts and filters them', async () => {
    const hosts = Array.from({ length: 20_000 }, (_, i) => ({ name: `host-${i}`, ip: `10.0.${i >> 8}.${i & 255}` }));
    mockBff({ [DETAIL]: () => jsonResponse(sampleConnection({ hosts })), 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    open();
    const table = await screen.findByRole('table', { name: 'Hosts of orders_mysql' });
    expect(screen.getByRole('heading', { name: 'Hosts (20,000)' })).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-rowcount', '20001');
    const drawn = within(table).getAllByRole('row').length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    await user.type(screen.getByRole('searchbox', { name: 'Find a host' }), 'host-19999');
    await waitFor(() => expect(within(table).getByText('host-19999')).toBeInTheDocument());
    expect(screen.getByText('1 of 20,000 shown')).toBeInTheDocument();
  });
});

describe('connection detail: isPrivis in plain words', () => {
  it.each([
    [false, 'Yes — the project has been granted the permission.'],
    [true, 'No — the project has not been granted the permission.'],
  ])('isPrivis %s reads as "%s"', async (isPrivis, words) => {
    mockBff({ [DETAIL]: () => jsonResponse(sampleConnection({ isPrivis })), 'GET /api/dli/queues': queuesResponse });
    open();
    expect(await screen.findByTestId('privis')).toHaveTextContent(words);
  });

  it('says unknown when get-one leaves it out, and uses a list page that had it', async () => {
    mockBff({ [DETAIL]: () => jsonResponse(sampleConnection()), 'GET /api/dli/queues': queuesResponse });
    const first = open();
    expect(await screen.findByTestId('privis')).toHaveTextContent('Unknown — the service did not report it');
    first.unmount();

    const client = testQueryClient({ user: testUser('operator') });
    client.setQueryData([...connectionKeys.lists(), { page: 1, pageSize: 20 }], {
      count: 1,
      connections: [{ ...sampleConnection(), isPrivis: false }],
    });
    open('operator', client);
    const privis = await screen.findByTestId('privis');
    expect(privis).toHaveTextContent('Yes — the project has been granted the permission.');
    expect(privis).toHaveTextContent('(as reported by the connections list)');
  });
});

describe('connection detail: the same permission answer however the page is reached', () => {
  it('on a direct link, asks the list for this name and says what it reports', async () => {
    const { requests } = mockBff({
      [DETAIL]: () => jsonResponse(sampleConnection()),
      'GET /api/dli/enhanced-connections': () =>
        jsonResponse({ count: 2, connections: [{ ...sampleConnection(), id: 'other', name: 'orders_mysql_2', isPrivis: true }, { ...sampleConnection(), isPrivis: false }] }),
      'GET /api/dli/queues': queuesResponse,
    });
    open();
    const privis = await screen.findByTestId('privis');
    await waitFor(() => expect(privis).toHaveTextContent('Yes — the project has been granted the permission.'));
    const lookup = requests.find((r) => r.url.pathname.endsWith('/enhanced-connections'));
    expect(lookup?.url.searchParams.get('name')).toBe('orders_mysql');
    expect(screen.queryByText(/isPrivis/)).not.toBeInTheDocument();
  });
});

describe('connection detail: not found and deleted', () => {
  it('says clearly that there is no such connection', async () => {
    mockBff({
      [DETAIL]: () =>
        consoleError(404, {
          code: 'UPSTREAM_ERROR',
          message: 'The enhanced datasource connection conn-1 does not exist.',
          requestId: 'req-404',
          upstream: { status: 404, code: 'DLI.0002' },
        }),
    });
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Connection not found' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('There is no enhanced connection with ID conn-1');
    expect(screen.getByRole('alert')).toHaveTextContent('req-404');
    // One way back (the breadcrumb), not two identical links.
    expect(screen.getAllByRole('link', { name: '← Enhanced connections' })).toHaveLength(1);
    expect(screen.queryByText('Not loaded yet')).not.toBeInTheDocument();
  });

  it('shows a deleted connection without change controls', async () => {
    mockBff({ [DETAIL]: () => jsonResponse(sampleConnection({ status: 'DELETED' })), 'GET /api/dli/queues': queuesResponse });
    open();
    expect(await screen.findByText(/has been deleted/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete connection' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Unbind/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit hosts' })).not.toBeInTheDocument();
  });
});

describe('connection detail: permissions', () => {
  it('shows a viewer no change controls and says why', async () => {
    const { requests } = mockBff({ [DETAIL]: () => jsonResponse(sampleConnection()), 'GET /api/dli/queues': queuesResponse });
    open('viewer');
    await screen.findByRole('heading', { level: 1, name: 'orders_mysql' });
    expect(screen.getByRole('note')).toHaveTextContent("Your role (viewer) can't make changes; ask for operator.");
    for (const name of ['Delete connection', 'Edit hosts', 'Remove all hosts', /Unbind/, /Bind selected/, /Retry/, 'Add route', 'Authorise project']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    // The doctor is shown but cannot start a test (starting one is a write upstream).
    expect(screen.getByRole('button', { name: /^Run tests/ })).toBeDisabled();
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('connection detail: changes', () => {
  it('delete: names the connection and its queues, Escape cancels, confirming deletes and returns to the list', async () => {
    const { requests } = mockBff({
      [DETAIL]: () => jsonResponse(sampleConnection()),
      'GET /api/dli/queues': queuesResponse,
      'DELETE /api/dli/enhanced-connections/conn-1': () => jsonResponse({ is_success: true }),
      'GET /api/dli/enhanced-connections': () => jsonResponse({ count: 0, connections: [] }),
    });
    const user = userEvent.setup();
    const { router } = open();
    const opener = await screen.findByRole('button', { name: 'Delete connection' });
    await user.click(opener);
    let dialog = screen.getByRole('dialog', { name: 'Delete connection orders_mysql?' });
    expect(dialog).toHaveTextContent('Queues that lose their access to the data source through it (2)');
    expect(within(dialog).getByText('sql_prod_yearly')).toBeInTheDocument();
    expect(within(dialog).getByText('spark_etl_prod')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(opener);
    dialog = screen.getByRole('dialog', { name: 'Delete connection orders_mysql?' });
    // Tab stays inside: from the last button it wraps to the first.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Delete connection' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/connections'));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('unbind asks first and sends the queue; bind offers only usable queues not yet bound', async () => {
    const { requests } = mockBff({
      [DETAIL]: () => jsonResponse(sampleConnection()),
      'GET /api/dli/queues': queuesResponse,
      'POST /api/dli/enhanced-connections/conn-1/disassociate-queue': () => jsonResponse({ is_success: true }),
      'POST /api/dli/enhanced-connections/conn-1/associate-queue': () => jsonResponse({ is_success: true }),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Unbind queue sql_prod_yearly' }));
    const dialog = screen.getByRole('dialog', { name: 'Unbind queue sql_prod_yearly?' });
    await user.click(within(dialog).getByRole('button', { name: 'Unbind queue' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const unbind = requests.find((r) => r.url.pathname.endsWith('/disassociate-queue'))!;
    expect(unbind.body).toEqual({ queues: ['sql_prod_yearly'] });

    // Said where the user acted, with the undo focused: the row and its button are going.
    expect(await screen.findByText(/Unbound queue sql_prod_yearly from orders_mysql\./)).toBeInTheDocument();
    const undo = screen.getByRole('button', { name: 'Undo: bind sql_prod_yearly again' });
    await waitFor(() => expect(undo).toHaveFocus());
    await user.click(undo);
    await screen.findByText(/Bound queue sql_prod_yearly to orders_mysql\./);
    expect(requests.filter((r) => r.url.pathname.endsWith('/associate-queue')).map((r) => r.body)).toEqual([
      { queues: ['sql_prod_yearly'] },
    ]);
    expect(screen.queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument();

    const bindGroup = screen.getByRole('group', { name: 'Bind more queues' });
    expect(within(bindGroup).queryByLabelText('sql_prod_yearly')).not.toBeInTheDocument();
    expect(within(bindGroup).getByLabelText('default')).toBeDisabled();
    await user.click(within(bindGroup).getByLabelText('sql_finance_monthly'));
    await user.click(screen.getByRole('button', { name: 'Bind selected queues (1)' }));
    await waitFor(() => expect(requests.filter((r) => r.url.pathname.endsWith('/associate-queue'))).toHaveLength(2));
    expect(requests.filter((r) => r.url.pathname.endsWith('/associate-queue'))[1]!.body).toEqual({ queues: ['sql_finance_monthly'] });
    expect(await screen.findByText(/Bound queue sql_finance_monthly to orders_mysql\./)).toBeInTheDocument();
  });

  it('replace hosts: the editor starts with the current hosts and saving asks before replacing', async () => {
    const { requests } = mockBff({
      [DETAIL]: () => jsonResponse(sampleConnection()),
      'GET /api/dli/queues': queuesResponse,
      'PUT /api/dli/enhanced-connections/conn-1': () => jsonResponse({ is_success: true }),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Edit hosts' }));
    expect(screen.getByLabelText('Host name, row 2')).toHaveValue('db02');
    await user.click(screen.getByRole('button', { name: 'Remove host row 1' }));
    await user.click(screen.getByRole('button', { name: 'Save hosts…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the hosts of orders_mysql?' });
    expect(dialog).toHaveTextContent('The whole list is replaced. Hosts now: 2; after saving: 1.');
    await user.click(within(dialog).getByRole('button', { name: 'Replace hosts' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ hosts: [{ name: 'db02', ip: '10.0.0.2' }] });

    // Undo puts the list from before the save back, with one more replace.
    expect(await screen.findByText(/Saved 1 host for orders_mysql\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo: restore the previous 2 hosts' }));
    await screen.findByText(/Restored the previous 2 hosts of orders_mysql\./);
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { hosts: [{ name: 'db02', ip: '10.0.0.2' }] },
      {
        hosts: [
          { name: 'db01', ip: '10.0.0.1' },
          { name: 'db02', ip: '10.0.0.2' },
        ],
      },
    ]);
  });

  it('remove all hosts sends an empty list after confirmation', async () => {
    const { requests } = mockBff({
      [DETAIL]: () => jsonResponse(sampleConnection()),
      'GET /api/dli/queues': queuesResponse,
      'PUT /api/dli/enhanced-connections/conn-1': () => jsonResponse({ is_success: true }),
    });
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('button', { name: 'Remove all hosts' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove all hosts from orders_mysql?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove all hosts' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({ hosts: [] });
    expect(await screen.findByText(/Removed all 2 hosts of orders_mysql\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo: restore the previous 2 hosts' })).toBeInTheDocument();
  });
});
