import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  consoleError,
  jsonResponse,
  mockFetch,
  type RecordedRequest,
} from '../../test/fetch-mock.ts';
import { afterEffects, renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

// Whole-app renders with typing: on a shared, busy machine they need more than the 5 s default.
vi.setConfig({ testTimeout: 30_000 });

const LIST_PATH = '/api/views/dli/enhanced-connections';

/** The BFF's whole-list view answer: lean rows (a host count, no hosts). */
function viewPage({ count, connections, total }: { count: number; connections: ReturnType<typeof connection>[]; total?: number }) {
  return jsonResponse({
    connections: connections.map(({ hosts, ...c }) => ({ ...c, host_count: hosts.length })),
    count,
    total: total ?? count,
    page: 1,
    pageSize: 20,
    asOf: new Date(Date.now() - 12_000).toISOString(),
  });
}

interface Q {
  name: string;
  status: string;
  err_msg?: string;
}
function connection(n: number, queues: Q[] = [], extra: Record<string, unknown> = {}) {
  return {
    id: `id-${n}`,
    name: `conn_${n}`,
    status: 'ACTIVE',
    available_queue_info: queues.map((q, i) => ({
      peer_id: `peer-${n}-${i}`,
      update_time: Date.UTC(2024, 4, n, 9, 0, 0),
      ...q,
    })),
    dest_vpc_id: `vpc-${n}`,
    dest_network_id: `subnet-${n}`,
    create_time: Date.UTC(2024, 4, n, 8, 0, 0),
    hosts: Array.from({ length: n }, (_, i) => ({ name: `h${i}`, ip: `10.0.0.${i}` })),
    isPrivis: true,
    ...extra,
  };
}

const listRequests = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.url.pathname === LIST_PATH);
const lastQuery = (requests: RecordedRequest[]) =>
  Object.fromEntries(listRequests(requests).at(-1)!.url.searchParams);

// The page is a lazily loaded chunk: the first render in a run may take a while to arrive.
async function findTable() {
  await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, { timeout: 5_000 });
  return screen.findByRole('table', { name: /Enhanced connections, page/ });
}
const rowOf = (name: string | RegExp) =>
  screen.getByRole('rowheader', { name }).closest('tr')!;

describe('enhanced connections list: rows', () => {
  it('shows each connection with a detail link, ids to copy, host count and queue statuses as text', async () => {
    const { requests } = mockFetch(() =>
      viewPage({
        count: 2,
        connections: [
          connection(1, [
            { name: 'queue_a', status: 'ACTIVE' },
            { name: 'queue_b', status: 'FAILED', err_msg: 'The subnet has no free IP' },
          ]),
          connection(2, [{ name: 'queue_c', status: 'CREATING' }]),
        ],
      }),
    );
    renderApp('/connections');
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_1/ });

    const cells1 = within(rowOf(/conn_1/));
    expect(cells1.getByRole('link', { name: 'conn_1' })).toHaveAttribute('href', '/connections/id-1');
    expect(cells1.getByText('vpc-1')).toBeInTheDocument();
    expect(cells1.getByRole('button', { name: 'Copy the VPC ID of conn_1' })).toBeInTheDocument();
    expect(cells1.getByRole('button', { name: 'Copy the subnet ID of conn_1' })).toBeInTheDocument();
    expect(cells1.getByText('queue_a').closest('li')).toHaveTextContent('ACTIVE');
    const failed = cells1.getByText('FAILED').parentElement!;
    expect(failed).toHaveAttribute('tabindex', '0');
    expect(failed).toHaveAccessibleDescription('The subnet has no free IP');
    const created = cells1.getByText((_, el) => el?.tagName === 'TIME');
    expect(created).toHaveAttribute('dateTime', '2024-05-01T08:00:00.000Z');
    expect(created.getAttribute('title')).toMatch(/UTC$/);

    const row2 = within(rowOf(/conn_2/));
    expect(row2.getByText('queue_c').closest('li')).toHaveTextContent('CREATING');
    expect(row2.getAllByRole('cell').map((c) => c.textContent)).toContain('2');

    expect(screen.getByRole('columnheader', { name: 'Queues' })).toHaveAttribute('scope', 'col');
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
    expect(screen.getByText(/As of/)).toBeInTheDocument();

    const req = listRequests(requests)[0]!;
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ page: '1', pageSize: '20', sort: '-created' });
  });

  it('shows placeholder rows until the first answer arrives', async () => {
    let answer!: (r: Response) => void;
    mockFetch((req) =>
      req.url.pathname === LIST_PATH
        ? new Promise<Response>((resolve) => (answer = resolve))
        : jsonResponse({ views: [] }),
    );
    renderApp('/connections');
    const table = await findTable();
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByText('Loading rows…')).toBeInTheDocument();

    answer(viewPage({ count: 1, connections: [connection(1)] }));
    expect(await within(table).findByRole('rowheader', { name: /conn_1/ })).toBeInTheDocument();
    expect(table).not.toHaveAttribute('aria-busy');
  });

  it('expands a row into its queue table and collapses it again', async () => {
    mockFetch(() =>
      viewPage({
        count: 1,
        connections: [
          connection(3, [
            { name: 'queue_a', status: 'ACTIVE' },
            { name: 'queue_b', status: 'FAILED', err_msg: 'Peering refused' },
          ]),
        ],
      }),
    );
    renderApp('/connections');
    await findTable();
    const toggle = await screen.findByRole('button', { name: 'Queues of conn_3' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).not.toHaveAttribute('aria-controls');

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const queues = screen.getByRole('table', { name: 'Queues bound to conn_3' });
    expect(toggle).toHaveAttribute('aria-controls', queues.id);
    const headers = within(queues)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Queue', 'Status', 'Peer ID', 'Error', 'Updated']);
    const failedRow = within(queues).getByRole('rowheader', { name: 'queue_b' }).closest('tr')!;
    expect(failedRow).toHaveTextContent('peer-3-1');
    expect(failedRow).toHaveTextContent('Peering refused');
    expect(within(failedRow).getByText((_, el) => el?.tagName === 'TIME')).toHaveAttribute(
      'dateTime',
      '2024-05-03T09:00:00.000Z',
    );

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: 'Queues bound to conn_3' })).not.toBeInTheDocument();
  });

  it('copies an id and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mockFetch(() => viewPage({ count: 1, connections: [connection(1)] }));
    renderApp('/connections');
    await findTable();
    const button = await screen.findByRole('button', { name: 'Copy the subnet ID of conn_1' });
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('subnet-1');
    expect(within(button.parentElement!).getByRole('status')).toHaveTextContent('Copied');
  });

  it('hides and shows columns, remembering the choice in this browser', async () => {
    mockFetch(() =>
      viewPage({
        count: 1,
        connections: [connection(1, [], { tags: [{ key: 'env', value: 'prod' }] })],
      }),
    );
    const first = renderApp('/connections');
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_1/ });
    expect(screen.queryByRole('columnheader', { name: 'Tags' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByText(/^Columns \(/));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Hosts' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Tags' }));
    expect(screen.queryByRole('columnheader', { name: 'Hosts' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Tags' })).toBeInTheDocument();
    expect(within(rowOf(/conn_1/)).getByText('env=prod')).toBeInTheDocument();
    const chooser = screen.getByText(/^Columns \(/).closest('details')!;
    expect(chooser).toHaveAttribute('open');
    await userEvent.keyboard('{Escape}');
    expect(chooser).not.toHaveAttribute('open');
    expect(screen.getByText(/^Columns \(/)).toHaveFocus();
    first.unmount();

    renderApp('/connections');
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_1/ });
    expect(screen.queryByRole('columnheader', { name: 'Hosts' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Tags' })).toBeInTheDocument();
  });
});

describe('enhanced connections list: the URL is the state', () => {
  it('reads page, size, filters and sort from the URL into the request and the controls', async () => {
    const { requests } = mockFetch(() =>
      viewPage({ count: 120, connections: [connection(3), connection(4)] }),
    );
    renderApp(
      '/connections?page=2&pageSize=50&name=%22conn%22&status=active&tags=env%3Dprod&queues=failed&sort=name',
    );
    await findTable();
    await waitFor(() => expect(listRequests(requests)).toHaveLength(1));
    expect(lastQuery(requests)).toEqual({
      page: '2',
      pageSize: '50',
      sort: 'name',
      queues: 'FAILED',
      name: 'conn',
      status: 'ACTIVE',
      tags: 'env=prod',
    });
    expect(screen.getByLabelText('Name')).toHaveValue('conn');
    expect(screen.getByLabelText('Status', { selector: 'select' })).toHaveValue('ACTIVE');
    expect(screen.getByLabelText('Queue status')).toHaveValue('FAILED');
    expect(screen.getByLabelText('Sort by')).toHaveValue('name');
    expect(screen.getByLabelText('Tag 1 key')).toHaveValue('env');
    expect(screen.getByLabelText('Tag 1 value')).toHaveValue('prod');
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Rows per page')).toHaveValue('50');
  });

  it('falls back to defaults for nonsense in the URL, without an error page', async () => {
    const { requests } = mockFetch(() => viewPage({ count: 1, connections: [connection(1)] }));
    const { router } = renderApp(
      '/connections?page=-3&pageSize=7&status=FOO&sort=bogus&queues=sometimes&tags=%3D%3D',
    );
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_1/ });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(listRequests(requests)).toHaveLength(1);
    expect(lastQuery(requests)).toEqual({ page: '1', pageSize: '20', sort: '-created' });
    expect(screen.getByLabelText('Status', { selector: 'select' })).toHaveValue('');
    expect(screen.getByLabelText('Sort by')).toHaveValue('-created');
    expect(screen.getByLabelText('Queue status')).toHaveValue('');
    // every value fell back to its default, so none is left in the URL state
    expect(router.state.location.search).toEqual({});
  });

  it('applies the name after a pause in typing, as one request, back on page 1', async () => {
    const { requests } = mockFetch(() => viewPage({ count: 0, connections: [] }));
    const { router } = renderApp('/connections?page=3');
    await findTable();
    await waitFor(() => expect(listRequests(requests)).toHaveLength(1));
    await userEvent.type(screen.getByLabelText('Name'), 'orders');
    // page 1 and the other defaults leave the URL
    await waitFor(() => expect(router.state.location.searchStr).toBe('?name=orders'));
    await waitFor(() =>
      expect(lastQuery(requests)).toEqual({ page: '1', pageSize: '20', sort: '-created', name: 'orders' }),
    );
    expect(listRequests(requests).map((r) => r.url.searchParams.get('name'))).toEqual([null, 'orders']);
    expect(await screen.findByText('No connections match these filters')).toBeInTheDocument();
  });

  it('applies the status at once and the tags once each row is valid', async () => {
    const { requests } = mockFetch(() => viewPage({ count: 0, connections: [] }));
    const { router } = renderApp('/connections?page=2');
    await findTable();
    await userEvent.selectOptions(screen.getByLabelText('Status', { selector: 'select' }), 'DELETED');
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'DELETED' }));

    await userEvent.type(screen.getByLabelText('Tag 1 key'), 'env');
    await userEvent.type(screen.getByLabelText('Tag 1 value'), 'pr,od');
    expect(await screen.findByText(/Value: letters, digits/)).toBeInTheDocument();
    expect(screen.getByLabelText('Tag 1 value')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(screen.getByLabelText('Tag 1 value'));
    await userEvent.type(screen.getByLabelText('Tag 1 value'), 'prod');
    await userEvent.click(screen.getByRole('button', { name: 'Add a tag' }));
    await userEvent.type(screen.getByLabelText('Tag 2 key'), 'team');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ tags: 'env=prod,team=' }));
    await waitFor(() =>
      expect(lastQuery(requests)).toEqual({
        page: '1',
        pageSize: '20',
        sort: '-created',
        status: 'DELETED',
        tags: 'env=prod,team=',
      }),
    );
    expect(listRequests(requests).some((r) => r.url.searchParams.get('tags')?.includes(','))).toBe(
      true,
    );
    expect(listRequests(requests).every((r) => !r.url.searchParams.get('tags')?.includes('pr,od'))).toBe(
      true,
    );

    await userEvent.click(
      within(screen.getByRole('search')).getByRole('button', { name: 'Reset filters' }),
    );
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
    // The URL's new value reaches the tag draft in an effect, after the reset has painted.
    await waitFor(() => expect(screen.getByLabelText('Tag 1 key')).toHaveValue(''));
    expect(screen.getByLabelText('Status', { selector: 'select' })).toHaveValue('');
  });

  it('restores the controls from history on Back and Forward', async () => {
    mockFetch(() => viewPage({ count: 0, connections: [] }));
    const { router } = renderApp('/connections?name=first');
    await findTable();
    expect(screen.getByLabelText('Name')).toHaveValue('first');
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'second{Enter}');
    await waitFor(() => expect(router.state.location.search).toMatchObject({ name: 'second' }));

    act(() => router.history.back());
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('first'));
    act(() => router.history.forward());
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('second'));
  });

  it('pages with first, previous, next, last and a page jump', { timeout: 20_000 }, async () => {
    const { requests } = mockFetch((req) => {
      const page = Number(req.url.searchParams.get('page'));
      return viewPage({ count: 95, connections: [connection(page)] });
    });
    const { router } = renderApp('/connections');
    await findTable();
    await screen.findByText('Page 1 of 5');
    expect(screen.getByRole('button', { name: 'First' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 5');
    expect(lastQuery(requests).page).toBe('2');
    await userEvent.click(screen.getByRole('button', { name: 'Last' }));
    await screen.findByText('Page 5 of 5');
    expect(lastQuery(requests).page).toBe('5');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');

    const jump = screen.getByLabelText('Go to page');
    await userEvent.clear(jump);
    await userEvent.type(jump, '3{Enter}');
    await screen.findByText('Page 3 of 5');
    expect(router.state.location.search).toMatchObject({ page: 3 });
    await userEvent.clear(screen.getByLabelText('Go to page'));
    await userEvent.type(screen.getByLabelText('Go to page'), '99{Enter}');
    await screen.findByText('Page 5 of 5');

    await userEvent.click(screen.getByRole('button', { name: 'First' }));
    await screen.findByText('Page 1 of 5');
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));

    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), 'All');
    await waitFor(() => expect(lastQuery(requests)).toEqual({ page: '1', pageSize: '0', sort: '-created' }));
    expect(router.state.location.search).toMatchObject({ pageSize: 'all' });
    expect(await screen.findByText('Page 1 of 1')).toBeInTheDocument();
    expect(screen.queryByLabelText('Go to page')).not.toBeInTheDocument();
  });
});

describe('enhanced connections list: sorted and filtered over the whole list', () => {
  it('asks the BFF to filter by queue status over every connection, and shows the whole count', async () => {
    const { requests } = mockFetch((req) =>
      req.url.searchParams.get('queues') === 'FAILED'
        ? viewPage({ count: 24, total: 300, connections: [connection(2, [{ name: 'q2', status: 'FAILED', err_msg: 'no route' }])] })
        : viewPage({ count: 300, connections: [connection(1), connection(2)] }),
    );
    const { router } = renderApp('/connections');
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_1/ });

    await userEvent.selectOptions(screen.getByLabelText('Queue status'), 'FAILED');
    await waitFor(() => expect(lastQuery(requests)).toMatchObject({ queues: 'FAILED', page: '1' }));
    expect(await screen.findByText('24 connections match (of 300).')).toBeInTheDocument();
    expect(await screen.findByText('1–1 of 24')).toBeInTheDocument();
    expect(router.state.location.search).toMatchObject({ queues: 'FAILED' });
    expect(screen.queryByText(/this page only/)).not.toBeInTheDocument();
  });

  it('asks the BFF for the sort from the select or the column header', async () => {
    const { requests } = mockFetch(() =>
      viewPage({ count: 3, connections: [connection(2), connection(10), connection(1)] }),
    );
    const { router } = renderApp('/connections');
    await findTable();
    await screen.findByRole('rowheader', { name: /conn_10/ });
    expect(screen.getByText('Sorts all connections')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await waitFor(() => expect(lastQuery(requests)).toMatchObject({ sort: 'name' }));
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(lastQuery(requests)).toMatchObject({ sort: '-name' }));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(router.state.location.search).toMatchObject({ sort: '-name' });

    await userEvent.click(
      within(screen.getByRole('columnheader', { name: /Created/ })).getByRole('button'),
    );
    // newest first again: the default, so it leaves the URL
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
  });

  it('keeps only the rows in view in the DOM for a large page', { timeout: 30_000 }, async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => connection(i + 1, [], { hosts: [] }));
    // jsdom has no layout: give the scroll box a height and each row a size, as a browser would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(58);
    mockFetch(() => viewPage({ count: many.length, connections: many }));
    renderApp('/connections?pageSize=all');
    // The virtualiser is imported when a page is this long: the rows come once it has loaded, in
    // a table mounted afresh, so the table is looked up after them.
    await screen.findAllByRole('rowheader', undefined, { timeout: 10_000 });
    const table = await findTable();
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rendered = within(table).getAllByRole('rowheader').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByText('1–2000 of 2000')).toBeInTheDocument();
  });
});

describe('enhanced connections list: empty, error and refresh', () => {
  it('offers the create link to those allowed when there are no connections at all', async () => {
    mockFetch(() => viewPage({ count: 0, connections: [] }));
    renderApp('/connections', testQueryClient({ user: testUser('operator') }));
    expect(await screen.findByText('No enhanced connections yet')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: 'Create connection' });
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toHaveAttribute('href', '/connections/new');
  });

  it('tells a viewer why there is no create link', async () => {
    mockFetch(() => viewPage({ count: 0, connections: [] }));
    renderApp('/connections', testQueryClient({ user: testUser('viewer') }));
    expect(await screen.findByText('No enhanced connections yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create connection' })).not.toBeInTheDocument();
    expect(
      screen.getAllByText("Your role (viewer) can't create connections; ask for operator.").length,
    ).toBeGreaterThan(0);
  });

  it('offers the first page when a page beyond the last is asked for', async () => {
    mockFetch(() => viewPage({ count: 3, connections: [] }));
    const { router } = renderApp('/connections?page=9');
    await userEvent.click(await screen.findByRole('button', { name: 'Go to the first page' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
  });

  it('shows the error with its request id and upstream code, and recovers on retry', async () => {
    let fail = true;
    const { requests } = mockFetch(() =>
      fail
        ? consoleError(403, {
            code: 'UPSTREAM_ERROR',
            message: 'Not authorised to list connections',
            requestId: 'req-7f3a',
            upstream: { status: 403, code: 'APIGW.0302', message: 'not authorised' },
          })
        : viewPage({ count: 1, connections: [connection(1)] }),
    );
    renderApp('/connections');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not authorised to list connections');
    expect(alert).toHaveTextContent('req-7f3a');
    expect(alert).toHaveTextContent('APIGW.0302');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(listRequests(requests)).toHaveLength(1); // a 4xx is not retried

    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('rowheader', { name: /conn_1/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refreshes on request', async () => {
    const { requests } = mockFetch(() => viewPage({ count: 1, connections: [connection(1)] }));
    renderApp('/connections');
    await screen.findByRole('rowheader', { name: /conn_1/ });
    const before = listRequests(requests).length;
    expect(screen.getByTestId('as-of')).toHaveTextContent(/As of \d+ s ago/);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(listRequests(requests).length).toBe(before + 1));
    expect(lastQuery(requests)).toMatchObject({ refresh: '1' });
  });
});

describe('enhanced connections list: CSV export', () => {
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('fetches every matching connection of the view at once, then downloads the file', async () => {
    const failed = Array.from({ length: 115 }, (_, i) =>
      connection(i + 1, [{ name: 'q', status: 'FAILED' }], { hosts: [] }),
    );
    // jsdom has no object URLs
    const createObjectURL = vi.fn((_: Blob) => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = mockFetch((req) =>
      viewPage({ count: failed.length, connections: req.url.searchParams.get('pageSize') === '0' ? failed : failed.slice(0, 20) }),
    );
    renderApp('/connections?name=conn&queues=FAILED');
    await findTable();
    await screen.findAllByRole('rowheader');

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported 115 connections.')).toBeInTheDocument();
    const exportRequests = listRequests(requests).filter((r) => r.url.searchParams.get('pageSize') === '0');
    expect(exportRequests).toHaveLength(1);
    expect(Object.fromEntries(exportRequests[0]!.url.searchParams)).toEqual({
      page: '1',
      pageSize: '0',
      sort: '-created',
      queues: 'FAILED',
      name: 'conn',
    });
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]![0];
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
    expect(text.split('\r\n')).toHaveLength(116);
    expect(text).toContain('q:FAILED');
  });

  it('can be cancelled', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    mockFetch((req) => {
      if (req.url.searchParams.get('pageSize') === '0')
        return new Promise<Response>(() => {}); // never answers: only Cancel ends it
      return viewPage({ count: 1, connections: [connection(1)] });
    });
    renderApp('/connections');
    await screen.findByRole('rowheader', { name: /conn_1/ });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exporting…')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(await screen.findByText('Export cancelled.')).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });
});

describe('enhanced connections list: polling', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls every 5 s while a queue is CREATING and stops once none is', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let status = 'CREATING';
    const { requests } = mockFetch(() =>
      viewPage({ count: 1, connections: [connection(1, [{ name: 'queue_a', status }])] }),
    );
    renderApp('/connections');
    await screen.findByText('CREATING');
    expect(screen.getByText(/updating every 5 s/)).toBeInTheDocument();
    // The query (re)starts its poll on every update once the page has subscribed, in an effect
    // after the first paint: let those run before counting 5 s from now.
    await afterEffects();
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    const first = listRequests(requests).length;

    vi.advanceTimersByTime(4_900);
    expect(listRequests(requests)).toHaveLength(first);
    status = 'ACTIVE';
    vi.advanceTimersByTime(100);
    await waitFor(() => expect(listRequests(requests)).toHaveLength(first + 1));
    await screen.findByText('ACTIVE', { selector: '.queue-list .status-badge' });
    expect(screen.queryByText(/updating every 5 s/)).not.toBeInTheDocument();

    vi.advanceTimersByTime(20_000);
    expect(listRequests(requests)).toHaveLength(first + 1);
  });

  it('does not poll when nothing is CREATING', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { requests } = mockFetch(() =>
      viewPage({
        count: 1,
        connections: [connection(1, [{ name: 'queue_a', status: 'FAILED' }])],
      }),
    );
    renderApp('/connections');
    await screen.findByText('FAILED');
    await afterEffects();
    const first = listRequests(requests).length;
    vi.advanceTimersByTime(30_000);
    expect(listRequests(requests)).toHaveLength(first);
  });
});
