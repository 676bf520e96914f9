import type { AuditEntry } from '@dsc/api-types';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch, type RecordedRequest } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const PAGE_LOAD = { timeout: 10_000 };

const entries: AuditEntry[] = [
  {
    time: '2025-03-02T10:15:30.000Z',
    requestId: 'req-2',
    user: 'olga',
    role: 'operator',
    sourceAddress: '10.0.0.7',
    operation: 'dli.deleteEnhancedConnection',
    targetIds: { connection_id: 'c-42' },
    outcome: 'failure',
    httpStatus: 502,
    errorCode: 'UPSTREAM_ERROR',
    upstream: { status: 500, code: 'DLI.0999', requestId: 'up-9' },
  },
  {
    time: '2025-03-02T10:00:00.000Z',
    requestId: 'req-1',
    user: null,
    role: null,
    sourceAddress: '10.0.0.8',
    operation: 'session.signIn',
    targetIds: {},
    outcome: 'denied',
    httpStatus: 429,
    errorCode: 'TOO_MANY_ATTEMPTS',
  },
];

const auditCalls = (requests: RecordedRequest[]) => requests.filter((r) => r.url.pathname === '/api/audit');
const lastQuery = (requests: RecordedRequest[]) => Object.fromEntries(auditCalls(requests).at(-1)!.url.searchParams);

describe('audit trail page', { timeout: 20_000 }, () => {
  it('lists entries newest first with every audited fact as text', async () => {
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 2 }));
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Audit entries, page 1' }, PAGE_LOAD);
    await within(table).findByText('olga');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Time', 'User', 'Role', 'Source address', 'Operation', 'Targets', 'Outcome', 'HTTP status', 'Cloud service', 'Request ID',
    ]);
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(first).toHaveTextContent('dli.deleteEnhancedConnection');
    expect(first).toHaveTextContent('Operator');
    expect(first).toHaveTextContent('10.0.0.7');
    expect(within(first!).getByText('connection_id').nextElementSibling).toHaveTextContent('c-42');
    expect(within(first!).getByText('Failure')).toBeInTheDocument();
    expect(first).toHaveTextContent('UPSTREAM_ERROR');
    expect(first).toHaveTextContent('502');
    expect(first).toHaveTextContent('HTTP 500 · DLI.0999');
    expect(first).toHaveTextContent('up-9');
    expect(first).toHaveTextContent('req-2');
    // Local time on screen, the UTC instant on hover.
    const time = first!.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', '2025-03-02T10:15:30.000Z');
    expect(time.getAttribute('title')).toMatch(/UTC$/);
    expect(within(second!).getByText('Denied')).toBeInTheDocument();
    expect(second).toHaveTextContent('session.signIn');
    expect(lastQuery(requests)).toEqual({ limit: '50', offset: '0' });
    expect(auditCalls(requests)[0]!.headers.get('X-CSRF')).toBe('1');
  });

  it('reads filters and page from the URL and sends them as the BFF query', async () => {
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 130 }));
    renderApp('/audit?user=olga&outcome=failure&operation=dli.deleteEnhancedConnection&page=2&pageSize=25');
    await screen.findByText('olga', { selector: 'td' }, PAGE_LOAD);
    expect(lastQuery(requests)).toEqual({
      user: 'olga',
      operation: 'dli.deleteEnhancedConnection',
      outcome: 'failure',
      limit: '25',
      offset: '25',
    });
    const filters = screen.getByRole('search', { name: 'Filter the audit trail' });
    expect(within(filters).getByLabelText('User')).toHaveValue('olga');
    expect(within(filters).getByLabelText('Operation')).toHaveValue('dli.deleteEnhancedConnection');
    expect(within(filters).getByLabelText('Outcome')).toHaveValue('failure');
    expect(screen.getByText('26–27 of 130')).toBeInTheDocument();
  });

  it('writes filter changes to the URL, back to page 1, and pages with limit and offset', async () => {
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 120 }));
    const { router } = renderApp('/audit?page=2');
    await screen.findByText('olga', { selector: 'td' }, PAGE_LOAD);

    await userEvent.selectOptions(screen.getByLabelText('Outcome'), 'denied');
    await waitFor(() => expect(router.state.location.search).toEqual({ outcome: 'denied' }));
    expect(router.state.location.href).toBe('/audit?outcome=denied');

    await userEvent.type(screen.getByLabelText('User'), 'ann');
    await userEvent.type(screen.getByLabelText('From (day)'), '2025-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ user: 'ann', outcome: 'denied', from: '2025-03-01' }));
    await waitFor(() => expect(lastQuery(requests)).toMatchObject({ user: 'ann', outcome: 'denied', offset: '0' }));
    expect(lastQuery(requests).from).toBe(new Date(2025, 2, 1).toISOString());

    await userEvent.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastQuery(requests)).toMatchObject({ limit: '50', offset: '50' }));
    expect(router.state.location.search).toMatchObject({ page: 2 });

    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(router.state.location.href).toBe('/audit'));
    expect(screen.getByLabelText('User')).toHaveValue('');
  });

  it('tells a non-admin the page is for admins, without asking the BFF', async () => {
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 2 }));
    renderApp('/audit', testQueryClient({ user: testUser('operator') }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Admins only' }, PAGE_LOAD)).toBeInTheDocument();
    expect(screen.getByText(/Your role \(Operator\) cannot open it/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(auditCalls(requests)).toHaveLength(0);
  });

  it('shows the same message when the BFF answers 403', async () => {
    mockFetch(() => consoleError(403, { code: 'FORBIDDEN', message: 'admin role required', requestId: 'r-1' }));
    renderApp('/audit');
    expect(await screen.findByRole('heading', { level: 2, name: 'Admins only' }, PAGE_LOAD)).toBeInTheDocument();
  });

  it('shows a failure with its request id and a retry', async () => {
    let fail = true;
    mockFetch(() =>
      fail
        ? consoleError(500, { code: 'AUDIT_READ_FAILED', message: 'Could not read the audit log', requestId: 'r-500' })
        : jsonResponse({ entries, total: 2 }),
    );
    renderApp('/audit');
    const alert = await screen.findByRole('alert', {}, PAGE_LOAD);
    expect(alert).toHaveTextContent('Could not read the audit log');
    expect(alert).toHaveTextContent('r-500');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('olga', { selector: 'td' })).toBeInTheDocument();
  });

  it('says when there is nothing, and when the filters match nothing', async () => {
    mockFetch(() => jsonResponse({ entries: [], total: 0 }));
    const { unmount } = renderApp('/audit');
    expect(await screen.findByText('No audit entries yet', {}, PAGE_LOAD)).toBeInTheDocument();
    unmount();
    renderApp('/audit?user=nobody');
    expect(await screen.findByText('No audit entries match these filters', {}, PAGE_LOAD)).toBeInTheDocument();
  });
});
