import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const connector = {
  connector_id: 'mrs-1',
  connector_name: 'orders_db',
  source_type: 'RDS_MYSQL',
  source_info: JSON.stringify({ db_name: 'orders', user_name: 'etl', password: '*****', rds_instance_id: 'rds-9' }),
  create_time: 1_700_000_000_000,
  last_update_time: 1_700_100_000_000,
  used_clusters: 'mrs-prod-01',
};

describe('MRS data connectors list', { timeout: 20_000 }, () => {
  it('shows every column from source_info, never the stored password, paged on the server', async () => {
    const { requests } = mockFetch(() => jsonResponse({ total_count: '41', data_connectors: [connector] }));
    renderApp('/mrs/data-connectors?page=2');
    const row = (await screen.findByRole('rowheader', { name: /orders_db/ })).closest('tr')!;
    expect(within(row).getByText('RDS for MySQL')).toBeInTheDocument();
    expect(within(row).getByText('orders')).toBeInTheDocument();
    expect(within(row).getByText('etl')).toBeInTheDocument();
    expect(within(row).getByText('rds-9')).toBeInTheDocument();
    expect(within(row).getByText('mrs-prod-01')).toBeInTheDocument();
    expect(within(row).getAllByRole('time')).toHaveLength(2);
    expect(document.body).not.toHaveTextContent('*****');
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({ limit: '20', offset: '20' });
    expect(screen.getByText('21–21 of 41')).toBeInTheDocument();
  });

  it('keeps the filters in the URL, sends them upstream and resets to the defaults', async () => {
    const { requests } = mockFetch(() => jsonResponse({ total_count: 0, data_connectors: [] }));
    const { router } = renderApp('/mrs/data-connectors?name=orders&type=RDS_POSTGRES&pageSize=50');
    expect(await screen.findByText('No data connectors match these filters')).toBeInTheDocument();
    expect(Object.fromEntries(requests.at(-1)!.url.searchParams)).toEqual({
      limit: '50',
      offset: '0',
      connector_name: 'orders',
      source_type: 'RDS_POSTGRES',
    });
    expect(screen.getByLabelText('Name')).toHaveValue('orders');
    expect(screen.getByLabelText('Source type')).toHaveValue('RDS_POSTGRES');

    await userEvent.selectOptions(screen.getByLabelText('Source type'), 'gaussdb-mysql');
    await waitFor(() => expect(router.state.location.search).toEqual({ name: 'orders', type: 'gaussdb-mysql', pageSize: 50 }));

    await userEvent.click(within(screen.getByRole('search')).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(router.state.location.href).toBe('/mrs/data-connectors'));
    expect(Object.fromEntries(requests.at(-1)!.url.searchParams)).toEqual({ limit: '20', offset: '0' });
  });

  it('applies the name after a pause in typing, as one request, on page 1 and keeping the other filters', async () => {
    const { requests } = mockFetch(() => jsonResponse({ total_count: 0, data_connectors: [] }));
    const { router } = renderApp('/mrs/data-connectors?page=3&type=RDS_MYSQL');
    await screen.findByText('There is nothing on this page');
    expect(within(screen.getByRole('search')).queryByRole('button', { name: 'Search' })).not.toBeInTheDocument();
    const before = requests.length;
    await userEvent.type(screen.getByLabelText('Name'), 'orders');
    await waitFor(() => expect(router.state.location.search).toEqual({ type: 'RDS_MYSQL', name: 'orders' }));
    await waitFor(() =>
      expect(Object.fromEntries(requests.at(-1)!.url.searchParams)).toEqual({
        limit: '20',
        offset: '0',
        connector_name: 'orders',
        source_type: 'RDS_MYSQL',
      }),
    );
    // One request for the typed word, not one per letter.
    expect(requests.slice(before).map((r) => r.url.searchParams.get('connector_name'))).toEqual(['orders']);
  });

  it('Enter applies the name at once, and Back puts the previous name in the field', async () => {
    mockFetch(() => jsonResponse({ total_count: 0, data_connectors: [] }));
    const { router } = renderApp('/mrs/data-connectors?name=first');
    await screen.findByText('No data connectors match these filters');
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'second{Enter}');
    expect(router.state.location.search).toEqual({ name: 'second' });
    router.history.back();
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('first'));
  });

  it('copies a connector ID', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mockFetch(() => jsonResponse({ total_count: 1, data_connectors: [connector] }));
    renderApp('/mrs/data-connectors');
    const button = await screen.findByRole('button', { name: 'Copy the ID of orders_db' });
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('mrs-1');
    expect(within(button.parentElement!).getByRole('status')).toHaveTextContent('Copied');
    vi.unstubAllGlobals();
  });

  it('pages with First, Last and a page number, since MRS reports the total', async () => {
    const { requests } = mockFetch(() => jsonResponse({ total_count: 95, data_connectors: [connector] }));
    const { router } = renderApp('/mrs/data-connectors?page=2');
    await screen.findByRole('rowheader', { name: /orders_db/ });
    expect(screen.getByText('Page 2 of 5')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Last' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 5 }));
    await waitFor(() => expect(requests.at(-1)!.url.searchParams.get('offset')).toBe('80'));
    await screen.findByText('Page 5 of 5');
    const jump = screen.getByLabelText('Go to page');
    await userEvent.clear(jump);
    await userEvent.type(jump, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 3 }));
    await screen.findByText('Page 3 of 5');
    await userEvent.click(screen.getByRole('button', { name: 'First' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('a bad value in a pasted URL falls back to its default on its own', async () => {
    const { requests } = mockFetch(() => jsonResponse({ total_count: 0, data_connectors: [] }));
    renderApp('/mrs/data-connectors?type=ORACLE&page=-3&name=keep');
    await screen.findByText('No data connectors match these filters');
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({ limit: '20', offset: '0', connector_name: 'keep' });
  });

  it('offers Edit to operators only, and tells a viewer why', async () => {
    mockFetch(() => jsonResponse({ total_count: 1, data_connectors: [connector] }));
    renderApp('/mrs/data-connectors', testQueryClient({ user: testUser('operator') }));
    const edit = await screen.findByRole('link', { name: 'Edit orders_db' });
    expect(edit).toHaveAttribute('href', '/mrs/data-connectors/mrs-1/edit');
  });

  it('a viewer sees no Edit link and a sentence saying why', async () => {
    mockFetch(() => jsonResponse({ total_count: 1, data_connectors: [connector] }));
    renderApp('/mrs/data-connectors', testQueryClient({ user: testUser('viewer') }));
    await screen.findByRole('rowheader', { name: /orders_db/ });
    expect(screen.queryByRole('link', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.getByText("Your role (viewer) can't make changes; ask for operator.")).toBeInTheDocument();
  });

  it('an error shows the request id and retries', async () => {
    let failing = true;
    mockFetch(() =>
      failing
        ? consoleError(503, { code: 'UPSTREAM_UNAVAILABLE', message: 'MRS is unavailable', requestId: 'req-mrs-1' })
        : jsonResponse({ total_count: 1, data_connectors: [connector] }),
    );
    renderApp('/mrs/data-connectors', testQueryClient());
    expect(await screen.findByText('Service message: MRS is unavailable', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('req-mrs-1')).toBeInTheDocument();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('rowheader', { name: /orders_db/ })).toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    mockFetch(() => jsonResponse({ total_count: 0, data_connectors: [] }));
    renderApp('/mrs/data-connectors');
    expect(await screen.findByText('No data connectors')).toBeInTheDocument();
  });
});
