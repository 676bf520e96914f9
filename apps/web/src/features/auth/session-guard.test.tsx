import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionKeys } from '../../lib/session.ts';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const PAGE_LOAD = { timeout: 10_000 };
const emptyList = () => jsonResponse({ count: 0, connections: [] });
const clusters = () => jsonResponse({ clusters: [] });

describe('the console requires a session', { timeout: 20_000 }, () => {
  it('sends a signed-out visitor to sign in, keeping the deep link, and back there afterwards', async () => {
    mockFetch((req) => {
      if (req.url.pathname !== '/api/session') return emptyList();
      return req.method === 'POST'
        ? jsonResponse({ user: { username: 'olga', role: 'operator', targets: { default: 'operator' } } })
        : consoleError(401, { code: 'UNAUTHENTICATED', message: 'Sign in first' });
    });
    // Not seeded: the guard asks the BFF, which says nobody is signed in.
    const client = testQueryClient();
    client.removeQueries({ queryKey: sessionKeys.all });
    const { router } = renderApp('/connections?status=ACTIVE&page=2', client);

    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, PAGE_LOAD);
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/connections?status=ACTIVE&page=2' });

    await userEvent.type(screen.getByLabelText('Username'), 'olga');
    await userEvent.type(screen.getByLabelText('Password'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    expect(router.state.location.href).toBe('/connections?status=ACTIVE&page=2');
  });

  it('sends the user to sign in when the BFF says the session is gone, and forgets the user', async () => {
    let expired = false;
    mockFetch(() =>
      expired ? consoleError(401, { code: 'UNAUTHENTICATED', message: 'Session expired' }) : emptyList(),
    );
    const { router, queryClient } = renderApp('/connections', testQueryClient({ user: testUser('operator') }));
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    expired = true;
    await userEvent.click(screen.getByRole('link', { name: 'DWS data sources' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, PAGE_LOAD);
    expect(router.state.location.search).toEqual({ redirect: '/dws/clusters' });
    expect(queryClient.getQueryData(sessionKeys.all)).toBeNull();
  });

  it('shows who is signed in, with the role as text, and the audit link only to admins', async () => {
    mockFetch(emptyList);
    renderApp('/connections', testQueryClient({ user: { username: 'vera', role: 'viewer', targets: { default: 'viewer' } } }));
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Signed in as vera role: Viewer');
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(within(banner).queryByRole('link', { name: 'Audit' })).not.toBeInTheDocument();
  });

  it('shows the audit link to an admin', async () => {
    mockFetch(emptyList);
    renderApp('/connections', testQueryClient({ user: { username: 'ada', role: 'admin', targets: { default: 'admin' } } }));
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Audit' })).toHaveAttribute('href', '/audit');
    expect(screen.getByRole('banner')).toHaveTextContent('ada');
    expect(screen.getByRole('banner')).toHaveTextContent('Admin');
  });

  it('signs out on the server, drops every cached answer and shows the sign-in page', async () => {
    const { requests } = mockFetch((req) =>
      req.method === 'DELETE' ? new Response(null, { status: 204 }) : clusters(),
    );
    const { router, queryClient } = renderApp('/dws/clusters', testQueryClient({ user: testUser('operator') }));
    await screen.findByRole('heading', { level: 1, name: 'DWS clusters' }, PAGE_LOAD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in' }, PAGE_LOAD);
    expect(requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/session')).toBe(true);
    expect(router.state.location.href).toBe('/sign-in');
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ['dws'] })).toHaveLength(0));
  });

  it('keeps the session and says so when signing out fails', async () => {
    mockFetch((req) =>
      req.method === 'DELETE' ? consoleError(503, { code: 'UNAVAILABLE', message: 'down' }) : clusters(),
    );
    const { router } = renderApp('/dws/clusters', testQueryClient({ user: testUser('operator') }));
    await screen.findByRole('heading', { level: 1, name: 'DWS clusters' }, PAGE_LOAD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-out failed. Try again.');
    expect(router.state.location.pathname).toBe('/dws/clusters');
  });
});
