import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, viewPageResponse } from './test/fetch-mock.ts';
import { renderApp } from './test/render-app.tsx';

const emptyList = () => viewPageResponse();

describe('app shell and routes', () => {
  it('sends / to the enhanced connections list', async () => {
    mockFetch(emptyList);
    const { router } = renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/connections');
  });

  it('has a banner with the product name, a labelled navigation and a main landmark', async () => {
    mockFetch(emptyList);
    renderApp('/connections');
    await screen.findByRole('heading', { level: 1 });
    expect(within(screen.getByRole('banner')).getByText('Datasource Console')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Enhanced connections', '/connections'],
      ['Basic connections', '/basic-connections'],
      ['MRS data connectors', '/mrs/data-connectors'],
      ['DWS data sources', '/dws/clusters'],
      ['Fleet', '/fleet'],
      ['Audit', '/audit'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Enhanced connections' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('shows a not-found page inside the shell for unknown addresses', async () => {
    mockFetch(emptyList);
    renderApp('/no/such/page');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('banner')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Go to enhanced connections' })).toHaveAttribute(
      'href',
      '/connections',
    );
  });

  it('switches the whole UI to Simplified Chinese and remembers the choice', async () => {
    mockFetch(emptyList);
    renderApp('/connections');
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(
      await screen.findByRole('heading', { level: 1, name: '增强型跨源连接' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '队列' })).toBeInTheDocument();
    expect(window.localStorage.getItem('dsc.language')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('moves focus to the main landmark after navigating to another page', async () => {
    mockFetch((req) =>
      req.url.pathname === '/api/dws/clusters' ? jsonResponse({ clusters: [] }) : emptyList(),
    );
    renderApp('/connections');
    await screen.findByRole('heading', { level: 1, name: 'Enhanced connections' });
    await userEvent.click(screen.getByRole('link', { name: 'DWS data sources' }));
    await screen.findByRole('heading', { level: 1, name: 'DWS clusters' });
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });
});
