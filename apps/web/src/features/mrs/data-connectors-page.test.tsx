import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('MRS data connectors', () => {
  it('lists connectors with their source, never the stored password', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({
        total_count: '1',
        data_connectors: [
          {
            connector_id: 'mrs-1',
            connector_name: 'orders_db',
            source_type: 'RDS_MYSQL',
            source_info: JSON.stringify({
              db_name: 'orders',
              user_name: 'etl',
              password: '*****',
              rds_instance_id: 'rds-9',
            }),
            create_time: 1_700_000_000_000,
          },
        ],
      }),
    );
    renderApp('/mrs/data-connectors?page=2');
    const row = (await screen.findByRole('rowheader', { name: /orders_db/ })).closest('tr')!;
    expect(within(row).getByText('RDS for MySQL')).toBeInTheDocument();
    expect(within(row).getByText('orders')).toBeInTheDocument();
    expect(within(row).getByText('rds-9')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('*****');
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({
      limit: '20',
      offset: '20',
    });
  });
});
