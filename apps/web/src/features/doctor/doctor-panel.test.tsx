import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse, sampleConnection } from '../connections/editor-test-bff.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => fakeLayout());

const C = '/api/dli/enhanced-connections/conn-1';

describe('connection doctor', () => {
  it('tests queue × address, explains an unreachable one, offers the route, and keeps the run in the history', async () => {
    const routes: { name: string; cidr: string }[] = [];
    const polls: Record<string, number> = {};
    const history: unknown[] = [];
    const { requests } = mockBff({
      [`GET ${C}`]: () =>
        jsonResponse(
          sampleConnection({
            available_queue_info: [{ peer_id: 'p1', name: 'sql_prod_yearly', status: 'ACTIVE', err_msg: '' }],
            hosts: [{ name: 'orders-db', ip: '172.16.5.10' }],
            routes: [...routes],
          }),
        ),
      'GET /api/dli/queues': queuesResponse,
      [`GET ${C}/privileges`]: () => jsonResponse({ is_success: true, connection_id: 'conn-1', privileges: [] }),
      'GET /api/dli/enhanced-connections': () =>
        jsonResponse({ count: 1, connections: [{ ...sampleConnection(), isPrivis: false }] }),
      'GET /api/doctor/connections/conn-1/runs': () => jsonResponse({ runs: history }),
      'POST /api/doctor/connections/conn-1/runs': (req) => {
        const run = { id: `run-${history.length}`, user: 'test-operator', time: '2026-12-05T08:00:00.000Z', ...(req.body as object) };
        history.unshift(run);
        return jsonResponse(run, { status: 201 });
      },
      // The integer form of task_id (the Chinese reference).
      'POST /api/dli/queues/sql_prod_yearly/connection-test': () => jsonResponse({ is_success: true, message: '', task_id: 9 }),
      'GET /api/dli/queues/sql_prod_yearly/connection-test/9': () => {
        polls['9'] = (polls['9'] ?? 0) + 1;
        const reachable = routes.some((r) => r.cidr === '172.16.5.0/24');
        return jsonResponse({ is_success: true, connectivity: polls['9'] === 1 ? 'CHECKING' : reachable ? 'REACHABLE' : 'UNREACHABLE' });
      },
      [`POST ${C}/routes`]: (req) => {
        routes.push(req.body as { name: string; cidr: string });
        polls['9'] = 0;
        return jsonResponse({ is_success: true, message: '' });
      },
    });
    const user = userEvent.setup();
    renderApp('/connections/conn-1', testQueryClient({ user: testUser('operator') }));
    const doctor = await screen.findByRole('region', { name: 'Doctor' });
    await user.type(within(doctor).getByLabelText('Addresses to test'), 'orders-db:5432');
    await user.click(within(doctor).getByRole('button', { name: 'Run tests (1)' }));

    const results = await within(doctor).findByRole('table', { name: 'Connectivity test results' });
    await within(results).findByText('UNREACHABLE', {}, { timeout: 10_000 });
    expect(results).toHaveTextContent('No route covers 172.16.5.10');
    const started = requests.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/connection-test'));
    expect(started.map((r) => r.body)).toEqual([{ address: 'orders-db:5432' }]);
    await waitFor(() => expect(history).toHaveLength(1));
    expect((history[0] as { results: unknown[] }).results).toEqual([
      { queue: 'sql_prod_yearly', address: 'orders-db:5432', outcome: 'UNREACHABLE', diagnosis: 'no-route' },
    ]);

    await user.click(within(results).getByRole('button', { name: 'Add route 172.16.5.0/24' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a route to orders_mysql' });
    expect(within(dialog).getByLabelText(/Route name/)).toHaveValue('to_172_16_5_0_24');
    expect(within(dialog).getByLabelText(/Network \(CIDR\)/)).toHaveValue('172.16.5.0/24');
    await user.click(within(dialog).getByRole('button', { name: 'Add route' }));
    await waitFor(() => expect(routes).toEqual([{ name: 'to_172_16_5_0_24', cidr: '172.16.5.0/24' }]));
    const routesTable = await screen.findByRole('table', { name: 'Routes of orders_mysql' });
    expect(routesTable).toHaveTextContent('172.16.5.0/24');

    await user.click(within(doctor).getByRole('button', { name: 'Run tests (1)' }));
    await within(doctor).findByText('REACHABLE', {}, { timeout: 10_000 });
    await waitFor(() => expect(history).toHaveLength(2));
    expect(await within(doctor).findByText(/1 reachable, 0 unreachable, 0 errors/)).toBeInTheDocument();
  });

  it('refuses a port out of range before anything is sent', async () => {
    const { requests } = mockBff({
      [`GET ${C}`]: () => jsonResponse(sampleConnection({ routes: [] })),
      'GET /api/dli/queues': queuesResponse,
      'GET /api/doctor/connections/conn-1/runs': () => jsonResponse({ runs: [] }),
    });
    const user = userEvent.setup();
    renderApp('/connections/conn-1', testQueryClient({ user: testUser('operator') }));
    const doctor = await screen.findByRole('region', { name: 'Doctor' });
    await user.type(within(doctor).getByLabelText('Addresses to test'), 'orders-db:70000');
    expect(within(doctor).getByText('Line 1: the port must be between 1 and 65535')).toBeInTheDocument();
    expect(within(doctor).getByRole('button', { name: /^Run/ })).toBeDisabled();
    expect(requests.some((r) => r.url.pathname.includes('connection-test'))).toBe(false);
  });
});
