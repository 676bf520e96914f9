import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  consoleError,
  jsonResponse,
  mockFetch,
  type RecordedRequest,
} from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

const LIST_PATH = '/api/dli/enhanced-connections';

function connection(n: number, queues: { name: string; status: string; err_msg?: string }[] = []) {
  return {
    id: `id-${n}`,
    name: `conn_${n}`,
    status: 'ACTIVE',
    available_queue_info: queues.map((q, i) => ({ peer_id: `peer-${n}-${i}`, ...q })),
    dest_vpc_id: `vpc-${n}`,
    dest_network_id: `subnet-${n}`,
    create_time: Date.UTC(2024, 4, n, 8, 0, 0),
    hosts: Array.from({ length: n }, (_, i) => ({ name: `h${i}`, ip: `10.0.0.${i}` })),
    isPrivis: true,
  };
}

const listRequests = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.url.pathname === LIST_PATH);

async function findTable() {
  await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' });
  return screen.findByRole('table');
}

describe('enhanced connections list', () => {
  it('shows each connection with its ids, host count and queue statuses as text', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({
        is_success: true,
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
    const table = await findTable();

    const row1 = (await within(table).findByRole('rowheader', { name: /conn_1/ })).closest('tr')!;
    const cells1 = within(row1);
    expect(cells1.getByText('vpc-1')).toBeInTheDocument();
    expect(cells1.getByText('subnet-1')).toBeInTheDocument();
    expect(cells1.getByText('queue_a').closest('li')).toHaveTextContent('ACTIVE');
    const failed = cells1.getByText('FAILED').parentElement!;
    expect(failed).toHaveAttribute('tabindex', '0');
    expect(failed).toHaveAccessibleDescription('The subnet has no free IP');
    const created = cells1.getByText((_, el) => el?.tagName === 'TIME');
    expect(created).toHaveAttribute('dateTime', '2024-05-01T08:00:00.000Z');
    expect(created.getAttribute('title')).toMatch(/UTC$/);

    const row2 = within(table)
      .getByRole('rowheader', { name: /conn_2/ })
      .closest('tr')!;
    expect(within(row2).getByText('queue_c').closest('li')).toHaveTextContent('CREATING');
    expect(
      within(row2)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toContain('2');

    expect(screen.getByRole('columnheader', { name: 'Queues' })).toHaveAttribute('scope', 'col');
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
    expect(screen.getByText(/Last updated/)).toBeInTheDocument();

    const req = listRequests(requests)[0]!;
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ limit: '20', offset: '0' });
  });

  it('shows placeholder rows until the first answer arrives', async () => {
    let answer!: (r: Response) => void;
    mockFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderApp('/connections');
    const table = await findTable();
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByText('Loading rows…')).toBeInTheDocument();

    answer(jsonResponse({ count: 1, connections: [connection(1)] }));
    expect(await within(table).findByRole('rowheader', { name: /conn_1/ })).toBeInTheDocument();
    expect(table).not.toHaveAttribute('aria-busy');
  });

  it('reads page, size and filters from the URL and pages with prev/next', async () => {
    const { requests } = mockFetch((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      return jsonResponse({
        count: 25,
        connections: offset === 0 ? [connection(1), connection(2)] : [connection(3)],
      });
    });
    const { router } = renderApp('/connections?page=2&pageSize=10&name=%22conn%22&status=active');
    const table = await findTable();
    await within(table).findByRole('rowheader', { name: /conn_3/ });
    expect(Object.fromEntries(listRequests(requests)[0]!.url.searchParams)).toEqual({
      limit: '10',
      offset: '10',
      name: 'conn',
      status: 'ACTIVE',
    });
    expect(screen.getByLabelText('Name')).toHaveValue('conn');
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({ page: 3, pageSize: 10 }),
    );
    await waitFor(() =>
      expect(listRequests(requests).at(-1)!.url.searchParams.get('offset')).toBe('20'),
    );
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(router.state.location.searchStr).toBe(''));
    await waitFor(() =>
      expect(Object.fromEntries(listRequests(requests).at(-1)!.url.searchParams)).toEqual({
        limit: '20',
        offset: '0',
      }),
    );
  });

  it('falls back to defaults for nonsense in the URL', async () => {
    const { requests } = mockFetch(() => jsonResponse({ count: 0, connections: [] }));
    renderApp('/connections?page=abc&pageSize=7&status=sleeping');
    await findTable();
    await waitFor(() => expect(listRequests(requests)).toHaveLength(1));
    expect(Object.fromEntries(listRequests(requests)[0]!.url.searchParams)).toEqual({
      limit: '20',
      offset: '0',
    });
  });

  it('searches by name from the form, going back to the first page', async () => {
    const { requests } = mockFetch(() => jsonResponse({ count: 0, connections: [] }));
    const { router } = renderApp('/connections?page=3');
    await findTable();
    await userEvent.type(screen.getByLabelText('Name'), 'orders{Enter}');
    // page 1 is the default, so it leaves the URL
    await waitFor(() => expect(router.state.location.search).toEqual({ name: 'orders' }));
    await waitFor(() =>
      expect(listRequests(requests).at(-1)!.url.searchParams.get('name')).toBe('orders'),
    );
    expect(listRequests(requests).at(-1)!.url.searchParams.get('offset')).toBe('0');
    expect(await screen.findByText('No connections match these filters')).toBeInTheDocument();
  });

  it('says so when there are no connections at all', async () => {
    mockFetch(() => jsonResponse({ count: 0, connections: [] }));
    renderApp('/connections');
    expect(await screen.findByText('No enhanced connections')).toBeInTheDocument();
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
        : jsonResponse({ count: 1, connections: [connection(1)] }),
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
    const { requests } = mockFetch(() => jsonResponse({ count: 1, connections: [connection(1)] }));
    renderApp('/connections');
    await screen.findByRole('rowheader', { name: /conn_1/ });
    const before = listRequests(requests).length;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(listRequests(requests).length).toBe(before + 1));
  });

  describe('polling', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('polls every 5 s while a queue is CREATING and stops once none is', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      let status = 'CREATING';
      const { requests } = mockFetch(() =>
        jsonResponse({ count: 1, connections: [connection(1, [{ name: 'queue_a', status }])] }),
      );
      renderApp('/connections');
      await screen.findByText('CREATING');
      expect(screen.getByText(/updating every 5 s/)).toBeInTheDocument();
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
        jsonResponse({
          count: 1,
          connections: [connection(1, [{ name: 'queue_a', status: 'FAILED' }])],
        }),
      );
      renderApp('/connections');
      await screen.findByText('FAILED');
      const first = listRequests(requests).length;
      vi.advanceTimersByTime(30_000);
      expect(listRequests(requests)).toHaveLength(first);
    });
  });
});
