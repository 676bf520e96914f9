import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const clusters = [
  { id: 'c-empty', name: 'dws-sandbox', status: 'ACTIVE' },
  { id: 'c-frozen', name: 'dws-frozen', status: 'FROZEN' },
  { id: 'c-full', name: 'dws-prod', status: 'ACTIVE' },
];
const sources = [
  { id: 's-1', name: 'obs_orders', type: 'OBS', user_name: 'agency', configure_status: 200, status: 'AVAILABLE' },
  { id: 's-2', name: 'mrs_sales', type: 'MRS', user_name: 'mrs_reader', configure_status: 600, status: 'AVAILABLE' },
];

function fake() {
  return mockFetch((req) => {
    const p = req.url.pathname;
    if (p === '/api/dws/clusters') return jsonResponse({ clusters, count: clusters.length });
    const m = /^\/api\/dws\/clusters\/([^/]+)\/ext-data-sources$/.exec(p);
    if (m && req.method === 'GET') {
      const list = m[1] === 'c-full' ? sources : [];
      return jsonResponse({ data_sources: list, count: list.length });
    }
    return jsonResponse({}, { status: 404 });
  });
}

const as = (role: 'viewer' | 'operator') => testQueryClient({ user: testUser(role) });

/** The text a sighted user reads on a control (screen-reader-only words left out). */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
function accessibleName(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('a DWS cluster with no data sources', { timeout: 20_000 }, () => {
  it('offers an operator to add the first data source right in the empty table', async () => {
    fake();
    const user = userEvent.setup();
    renderApp('/dws/clusters/c-empty/data-sources', as('operator'));
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('No external data sources')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Add a data source' }));
    const dialog = await screen.findByRole('dialog', { name: 'New external data source on dws-sandbox' });
    // The buttons sit like every other dialog's: Cancel, then the action, at the right.
    const buttons = within(dialog).getAllByRole('button');
    const actions = buttons.at(-1)!.parentElement!;
    expect(actions).toHaveClass('confirm-dialog__actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel', 'Create']);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('offers nothing to a viewer, nor on a frozen cluster', async () => {
    fake();
    const viewer = renderApp('/dws/clusters/c-empty/data-sources', as('viewer'));
    expect(await screen.findByText('No external data sources')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a data source' })).not.toBeInTheDocument();
    viewer.unmount();

    renderApp('/dws/clusters/c-frozen/data-sources', as('operator'));
    expect(await screen.findByText(/This cluster is frozen/)).toBeInTheDocument();
    expect(screen.getByText('No external data sources')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a data source' })).not.toBeInTheDocument();
  });
});

describe('DWS controls are announced with the words they show (label in name)', { timeout: 20_000 }, () => {
  for (const language of ['en', 'zh-CN'] as const) {
    it(`on the clusters and data sources tables, in ${language}`, async () => {
      vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.resolve() } });
      await i18n.changeLanguage(language);
      fake();
      const clustersView = renderApp('/dws/clusters', as('operator'));
      const clusterTable = await screen.findByRole('table');
      await within(clusterTable).findAllByRole('link');
      const checked: string[] = [];
      const check = (el: Element) => {
        const shown = visibleText(el);
        if (!shown) return; // an icon button: its name is all there is
        expect(accessibleName(el).startsWith(shown), `"${accessibleName(el)}" starts with "${shown}"`).toBe(true);
        checked.push(shown);
      };
      within(clusterTable).getAllByRole('link').forEach(check);
      const copyName = language === 'en' ? 'Copy the ID of dws-sandbox' : '复制 dws-sandbox 的 ID';
      expect(within(clusterTable).getByRole('button', { name: copyName })).toBeInTheDocument();
      expect(checked).toContain(language === 'en' ? 'View data sources' : '查看数据源');
      clustersView.unmount();

      renderApp('/dws/clusters/c-full/data-sources', as('operator'));
      const sourceTable = await screen.findByRole('table');
      await within(sourceTable).findAllByRole('button');
      within(sourceTable).getAllByRole('button').forEach(check);
      expect(checked).toContain(language === 'en' ? 'Reconfigure with reboot' : '重新配置并重启');
      vi.unstubAllGlobals();
    });
  }
});
