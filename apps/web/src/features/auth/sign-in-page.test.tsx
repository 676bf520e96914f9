import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch, type RecordedRequest } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient } from '../../test/render-app.tsx';

// The first visit to a lazy page compiles it; on a busy machine that can take a few seconds.
const PAGE_LOAD = { timeout: 10_000 };
const signedOut = () => testQueryClient({ user: null });
// The sign-in page first asks which ways to sign in there are: here, the password form only.
const emptyList = (req?: RecordedRequest) =>
  req?.url.pathname === '/api/session/options'
    ? jsonResponse({ password: true, oidc: null })
    : jsonResponse({ count: 0, connections: [] });

async function fillAndSubmit(username = 'ann', password = 'secret-pw') {
  await userEvent.type(await screen.findByLabelText('Username', {}, PAGE_LOAD), username);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const posts = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/session');

describe('sign-in page', { timeout: 20_000 }, () => {
  it('is a bare page with labelled fields and a language switch, outside the console shell', async () => {
    mockFetch(emptyList);
    renderApp('/sign-in', signedOut());
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Username', {}, PAGE_LOAD)).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    // Set in an effect, which runs after the page has painted.
    await waitFor(() => expect(document.title).toBe('Sign in · Datasource Console'));
  });

  it('asks for both fields before sending anything', async () => {
    const { requests } = mockFetch(emptyList);
    renderApp('/sign-in', signedOut());
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(posts(requests)).toHaveLength(0);
  });

  it('shows one generic message for wrong credentials, clears the password and stays', async () => {
    const { requests } = mockFetch((req) =>
      req.method === 'POST'
        ? consoleError(401, { code: 'INVALID_CREDENTIALS', message: 'Unknown user "ann"', requestId: 'r-1' })
        : emptyList(req),
    );
    const { router } = renderApp('/sign-in?redirect=%2Faudit', signedOut());
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is not correct.');
    // The server's own wording (which could tell an attacker the user is unknown) is not shown.
    expect(screen.queryByText(/Unknown user/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('ann');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(posts(requests)[0]!.body).toEqual({ username: 'ann', password: 'secret-pw' });
  });

  it('says how long to wait when sign-in is throttled', async () => {
    mockFetch(() =>
      jsonResponse(
        { error: { status: 429, code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts' } },
        { status: 429, headers: { 'Retry-After': '120' } },
      ),
    );
    renderApp('/sign-in', signedOut());
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 2 minutes.');
  });

  it('says "later" when a 429 gives no wait, and in Chinese when the UI is Chinese', async () => {
    mockFetch(() => consoleError(429, { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts' }));
    renderApp('/sign-in', signedOut());
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'zh-CN');
    await userEvent.type(await screen.findByLabelText('用户名'), 'ann');
    await userEvent.type(screen.getByLabelText('密码'), 'pw');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('登录尝试次数过多，请稍后重试。');
  });

  it('shows other failures with their request id', async () => {
    mockFetch(() => consoleError(503, { code: 'UNAVAILABLE', message: 'Session store unavailable', requestId: 'r-503' }));
    renderApp('/sign-in', signedOut());
    await fillAndSubmit();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Could not sign in' })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Session store unavailable');
    expect(alert).toHaveTextContent('r-503');
  });

  it('disables the button while signing in, then lands where the user was going', async () => {
    let answer: (r: Response) => void = () => {};
    mockFetch((req) => {
      if (req.method === 'POST') return new Promise<Response>((resolve) => (answer = resolve));
      return emptyList(req);
    });
    const { router } = renderApp(
      `/sign-in?redirect=${encodeURIComponent('/connections?status=ACTIVE&page=2')}`,
      signedOut(),
    );
    await fillAndSubmit();
    const button = screen.getByRole('button', { name: 'Signing in…' });
    expect(button).toBeDisabled();
    answer(jsonResponse({ user: { username: 'ann', role: 'viewer', targets: { default: 'viewer' } } }));
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    expect(router.state.location.pathname).toBe('/connections');
    expect(router.state.location.search).toMatchObject({ status: 'ACTIVE', page: 2 });
    expect(within(screen.getByRole('banner')).getByText('ann')).toBeInTheDocument();
  });

  it('never follows a redirect to another origin', async () => {
    mockFetch((req) =>
      req.method === 'POST' ? jsonResponse({ user: { username: 'ann', role: 'viewer', targets: { default: 'viewer' } } }) : emptyList(req),
    );
    const { router } = renderApp(`/sign-in?redirect=${encodeURIComponent('//evil.example/steal')}`, signedOut());
    await fillAndSubmit();
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    expect(router.state.location.href).toBe('/connections');
  });

  it('sends someone who is already signed in straight on', async () => {
    mockFetch(emptyList);
    const { router } = renderApp(`/sign-in?redirect=${encodeURIComponent('/connections?page=3')}`);
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }, PAGE_LOAD);
    await waitFor(() => expect(router.state.location.search).toMatchObject({ page: 3 }));
  });

  describe('with single sign-on', () => {
    const withOptions = (options: unknown) => (req: RecordedRequest) =>
      req.url.pathname === '/api/session/options' ? jsonResponse(options) : emptyList(req);

    it('offers the provider first and the password form as a second way', async () => {
      mockFetch(withOptions({ password: true, oidc: { providerName: 'Corp SSO' } }));
      renderApp('/sign-in?redirect=%2Faudit%3Fuser%3Dada', signedOut());
      const sso = await screen.findByRole('link', { name: 'Sign in with Corp SSO' });
      expect(sso).toHaveAttribute('href', '/api/session/oidc/login?returnTo=%2Faudit%3Fuser%3Dada');
      expect(screen.getByText('or with a console account')).toBeInTheDocument();
      expect(screen.getByLabelText('Username')).toBeInTheDocument();
    });

    it('shows only the provider when there is no users file', async () => {
      mockFetch(withOptions({ password: false, oidc: { providerName: 'Corp SSO' } }));
      renderApp('/sign-in', signedOut());
      expect(await screen.findByRole('link', { name: 'Sign in with Corp SSO' })).toHaveAttribute(
        'href',
        '/api/session/oidc/login?returnTo=%2F',
      );
      expect(screen.getByText("Sign in with your organisation's account.")).toBeInTheDocument();
      expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    });

    it('says why a single sign-on was refused, in the reader’s language', async () => {
      mockFetch(withOptions({ password: false, oidc: { providerName: 'Corp SSO' } }));
      renderApp('/sign-in?oidc=no-role', signedOut());
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'none of your groups gives you a role in this console',
      );
      await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
      expect(await screen.findByRole('alert')).toHaveTextContent(
        '您所在的用户组均未在本控制台获得角色',
      );
      expect(await screen.findByRole('link', { name: '使用 Corp SSO 登录' })).toBeInTheDocument();
    });
  });
});
