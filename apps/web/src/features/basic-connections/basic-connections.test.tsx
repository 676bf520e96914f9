import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { afterEffects, renderApp } from '../../test/render-app.tsx';

vi.setConfig({ testTimeout: 20_000 });

function basic(extra: Record<string, unknown> = {}) {
  return {
    is_success: true,
    connection_id: 'b-42',
    name: 'legacy_conn',
    state: 'ACTIVE',
    process: 1,
    destination: 'mysql.example:3306',
    connection_url: 'mysql.example:3306',
    cluster_name: 'queue_sql',
    service: 'RDS',
    create_time: Date.UTC(2024, 2, 4, 5, 6, 7),
    available_queue_info: [
      { uuid: 'u-1', name: 'q1', status: 'ACTIVE', err_msg: '', update_time: Date.UTC(2024, 2, 4, 6) },
      { uuid: 'u-2', name: 'q2', status: 'FAILED', err_msg: 'connection timed out' },
    ],
    ...extra,
  };
}

const field = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('basic connections', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses an id the BFF would refuse, without calling it', async () => {
    const { requests } = mockFetch(() => jsonResponse({}));
    renderApp('/basic-connections');
    await screen.findByRole('heading', { level: 1, name: 'Basic connections' }, { timeout: 5_000 });
    await userEvent.type(screen.getByLabelText('Connection ID'), '../etc{Enter}');
    expect(screen.getByLabelText('Connection ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Connection ID')).toHaveAccessibleDescription(/letters, digits/);
    expect(requests).toHaveLength(0);
  });

  it('looks a connection up by id and shows its fields, state, progress and queues', async () => {
    const { requests } = mockFetch(() => jsonResponse(basic({ connectivity: 'REACHABLE' })));
    const { router } = renderApp('/basic-connections');
    await userEvent.type(
      await screen.findByLabelText('Connection ID', {}, { timeout: 5_000 }),
      'b-42{Enter}',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'legacy_conn' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/basic-connections/b-42');
    expect(requests[0]!.url.pathname).toBe('/api/dli/basic-connections/b-42');

    expect(field('Name')).toHaveTextContent('legacy_conn');
    expect(field('Connection ID')).toHaveTextContent('b-42');
    expect(field('Destination')).toHaveTextContent('mysql.example:3306');
    expect(field('Service')).toHaveTextContent('RDS');
    expect(field('Cluster')).toHaveTextContent('queue_sql');
    expect(field('Connection URL')).toHaveTextContent('mysql.example:3306');
    expect(field('Connectivity')).toHaveTextContent('REACHABLE');
    expect(within(field('Created')).getByText((_, el) => el?.tagName === 'TIME')).toHaveAttribute(
      'dateTime',
      '2024-03-04T05:06:07.000Z',
    );
    expect(within(field('State')).getByText('ACTIVE')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Creation progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(field('State')).toHaveTextContent('100%');

    const queues = screen.getByRole('table', { name: 'Queues' });
    const headers = within(queues)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Queue', 'Status', 'UUID', 'Error', 'Updated']);
    const q2 = within(queues).getByRole('rowheader', { name: 'q2' }).closest('tr')!;
    expect(q2).toHaveTextContent('u-2');
    expect(q2).toHaveTextContent('FAILED');
    expect(q2).toHaveTextContent('connection timed out');
  });

  it('leaves connectivity out when the service does not report it', async () => {
    mockFetch(() => jsonResponse(basic()));
    renderApp('/basic-connections/b-42');
    await screen.findByRole('heading', { level: 1, name: 'legacy_conn' }, { timeout: 5_000 });
    expect(screen.queryByText('Connectivity', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('follows the progress of a connection being created until it is ACTIVE, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const answers = [
      basic({ state: 'CREATING', process: 0.3 }),
      basic({ state: 'CREATING', process: 0.65 }),
      basic({ state: 'ACTIVE', process: 1 }),
    ];
    const { requests } = mockFetch(() => jsonResponse(answers[Math.min(requests.length - 1, 2)]));
    renderApp('/basic-connections/b-42');
    const bar = await screen.findByRole('progressbar', {}, { timeout: 5_000 });
    expect(bar).toHaveAttribute('aria-valuenow', '30');
    expect(screen.getByText(/updating every 5 s/)).toBeInTheDocument();
    // The poll starts when the page subscribes, in an effect after the first paint.
    await afterEffects();

    vi.advanceTimersByTime(5_000);
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '65'));
    expect(field('State')).toHaveTextContent('65%');
    vi.advanceTimersByTime(5_000);
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'));
    expect(within(field('State')).getByText('ACTIVE')).toBeInTheDocument();
    expect(screen.queryByText(/updating every 5 s/)).not.toBeInTheDocument();

    vi.advanceTimersByTime(30_000);
    expect(requests).toHaveLength(3);
  });

  it('says plainly that there is no connection with an unknown id', async () => {
    mockFetch(() =>
      consoleError(404, {
        code: 'UPSTREAM_ERROR',
        message: 'The datasource connection missing does not exist.',
        requestId: 'r-404',
        upstream: { status: 404, code: 'DLI.0002' },
      }),
    );
    renderApp('/basic-connections/missing');
    expect(
      await screen.findByRole('heading', { name: 'No basic connection with ID missing' }, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('r-404')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Connection ID')).toHaveValue('missing');
  });

  it('shows any other failure with its request id and a retry', async () => {
    let fail = true;
    mockFetch(() =>
      fail
        ? consoleError(403, {
            code: 'FORBIDDEN',
            message: 'Not allowed',
            requestId: 'r-403',
            upstream: { status: 403, code: 'APIGW.0302' },
          })
        : jsonResponse(basic()),
    );
    renderApp('/basic-connections/b-42');
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('r-403');
    expect(alert).toHaveTextContent('APIGW.0302');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'legacy_conn' })).toBeInTheDocument();
  });
});
