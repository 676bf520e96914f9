import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('DWS clusters', () => {
  it('lists clusters with their status as text', async () => {
    mockFetch(() =>
      jsonResponse({
        count: 2,
        clusters: [
          { id: 'dws-1', name: 'warehouse', status: 'ACTIVE', version: '8.1.3', number_of_node: 3 },
          { id: 'dws-2', name: 'frozen_one', status: 'POLICE_FROZEN' },
        ],
      }),
    );
    renderApp('/dws/clusters');
    const row = (await screen.findByRole('rowheader', { name: /warehouse/ })).closest('tr')!;
    expect(within(row).getByText('ACTIVE')).toBeInTheDocument();
    expect(within(row).getByText('8.1.3')).toBeInTheDocument();
    const frozen = screen.getByRole('rowheader', { name: /frozen_one/ }).closest('tr')!;
    expect(within(frozen).getByText('FROZEN (POLICY)')).toHaveAttribute('data-tone', 'warning');
  });

  it('says so when there are none', async () => {
    mockFetch(() => jsonResponse({ clusters: [] }));
    renderApp('/dws/clusters');
    expect(await screen.findByText('No DWS clusters')).toBeInTheDocument();
  });
});
