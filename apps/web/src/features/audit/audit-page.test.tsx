import type { AuditEntry } from '@dsc/api-types';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('names operations as people say them, shows what a create made and links to it', async () => {
    const create: AuditEntry = {
      ...entries[0]!,
      requestId: 'req-3',
      operation: 'dli.createEnhancedConnection',
      target: 'prod',
      targetIds: {},
      created: { id: 'c-new', name: 'sales_db' },
      outcome: 'success',
      httpStatus: 200,
      errorCode: undefined,
      upstream: undefined,
    };
    mockFetch(() => jsonResponse({ entries: [create, ...entries], total: 3 }));
    renderApp('/audit');
    const table = await screen.findByRole('table', { name: 'Audit entries, page 1' }, PAGE_LOAD);
    const [made, deleted, signIn] = (await within(table).findAllByRole('row')).slice(1);
    expect(within(made!).getByText('Create enhanced connection')).toBeInTheDocument();
    expect(within(made!).getByText('Created').nextElementSibling).toHaveTextContent('sales_db');
    expect(within(made!).getByText('New ID').nextElementSibling).toHaveTextContent('c-new');
    expect(within(made!).getByText('Target').nextElementSibling).toHaveTextContent('prod');
    expect(within(made!).getByRole('link', { name: 'Open connection' })).toHaveAttribute('href', '/connections/c-new?target=prod');
    // A failed delete leaves the connection: it can still be opened.
    expect(within(deleted!).getByText('Delete enhanced connection')).toBeInTheDocument();
    expect(within(deleted!).getByRole('link', { name: 'Open connection' })).toHaveAttribute('href', '/connections/c-42');
    expect(within(signIn!).getByText('Sign in')).toBeInTheDocument();
    expect(within(signIn!).queryByRole('link')).not.toBeInTheDocument();
  });

  it('copies the whole request id', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mockFetch(() => jsonResponse({ entries, total: 2 }));
    renderApp('/audit');
    const button = await screen.findByRole('button', { name: 'Copy request ID req-2' }, PAGE_LOAD);
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('req-2');
    expect(within(button.parentElement!).getByRole('status')).toHaveTextContent('Copied');
    await userEvent.click(screen.getByRole('button', { name: 'Copy request ID up-9' }));
    expect(writeText).toHaveBeenLastCalledWith('up-9');
    vi.unstubAllGlobals();
  });

  it('filters by target through the URL, apart from the console-wide target', async () => {
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 2 }));
    const targets = [
      { id: 'default', name: 'Default', region: null, projectId: 'p-1', role: 'admin' as const, default: true },
      { id: 'staging', name: 'Staging', region: 'eu-1', projectId: 'p-2', role: 'admin' as const, default: false },
    ];
    const { router } = renderApp('/audit', testQueryClient({ targets }));
    await screen.findByText('olga', { selector: 'td' }, PAGE_LOAD);
    const select = within(screen.getByRole('search', { name: 'Filter the audit trail' })).getByLabelText('Target');
    expect(within(select).getByRole('option', { name: 'Staging (staging)' })).toBeInTheDocument();
    await userEvent.selectOptions(select, 'staging');
    await waitFor(() => expect(router.state.location.search).toEqual({ targetId: 'staging' }));
    await waitFor(() => expect(lastQuery(requests)).toEqual({ target: 'staging', limit: '50', offset: '0' }));
  });
});

describe('audit trail CSV export', { timeout: 20_000 }, () => {
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('downloads every entry the filters match, with readable operations and UTC times', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = mockFetch(() => jsonResponse({ entries, total: 2 }));
    renderApp('/audit?outcome=failure&page=2&pageSize=25');
    await screen.findByText('olga', { selector: 'td' }, PAGE_LOAD);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported 2 entries.')).toBeInTheDocument();
    // The filters, not the page on screen.
    expect(lastQuery(requests)).toEqual({ outcome: 'failure', limit: '500', offset: '0' });
    expect(click).toHaveBeenCalledTimes(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(createObjectURL.mock.calls[0]![0]);
    });
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^time,user,role,/);
    expect(lines[1]).toContain('2025-03-02T10:15:30.000Z,olga,operator,');
    expect(lines[1]).toContain('Delete enhanced connection');
    expect(lines).toHaveLength(3);
    click.mockRestore();
  });
});

