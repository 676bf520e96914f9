import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

const connector = {
  connector_id: 'mrs-1',
  connector_name: 'orders_db',
  source_type: 'RDS_MYSQL',
  source_info: JSON.stringify({ db_name: 'orders', user_name: 'etl', password: '*****', rds_instance_id: 'rds-9' }),
  used_clusters: 'mrs-prod-01',
};

describe('MRS data connectors: create and delete', { timeout: 30_000 }, () => {
  it('creates with the same typed source_info form as edit; the password is required', async () => {
    const { requests } = mockFetch((req) =>
      req.method === 'POST' ? jsonResponse({ connector_id: 'mrs-new' }, { status: 201 }) : jsonResponse({ total_count: 0, data_connectors: [] }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/mrs/data-connectors/new', testQueryClient({ user: testUser('operator') }));
    await user.type(await screen.findByLabelText(/Connector name/), 'billing-db');
    await user.selectOptions(screen.getByLabelText(/Source type/), 'RDS_POSTGRES');
    await user.type(screen.getByLabelText(/Database name/), 'billing');
    await user.type(screen.getByLabelText(/User name/), 'etl');
    await user.type(screen.getByLabelText(/RDS instance ID/), 'rds-42');
    await user.click(screen.getByRole('button', { name: 'Create data connector' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.type(screen.getByLabelText('Password'), 'S3cret-pw');
    await user.click(screen.getByRole('button', { name: 'Create data connector' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/mrs/data-connectors'));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/mrs/data-connectors');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(post.body).toEqual({
      data_connector: {
        connector_name: 'billing-db',
        source_type: 'RDS_POSTGRES',
        source_info: JSON.stringify({ db_name: 'billing', user_name: 'etl', password: 'S3cret-pw', rds_instance_id: 'rds-42' }),
      },
    });
  });

  it('deletes after a confirmation that names the clusters using it; a viewer sees neither button', async () => {
    const { requests } = mockFetch((req) =>
      req.method === 'DELETE' ? new Response(null, { status: 200 }) : jsonResponse({ total_count: 1, data_connectors: [connector] }),
    );
    const user = userEvent.setup();
    renderApp('/mrs/data-connectors', testQueryClient({ user: testUser('operator') }));
    await user.click(await screen.findByRole('button', { name: 'Delete orders_db' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete data connector “orders_db”?' });
    expect(dialog).toHaveTextContent('Used by clusters: mrs-prod-01');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/mrs/data-connectors/mrs-1')).toBe(true));
  });

  it('a viewer is offered neither create nor delete', async () => {
    mockFetch(() => jsonResponse({ total_count: 1, data_connectors: [connector] }));
    renderApp('/mrs/data-connectors', testQueryClient({ user: testUser('viewer') }));
    await screen.findByRole('rowheader', { name: /orders_db/ });
    expect(screen.queryByRole('link', { name: 'New data connector' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete orders_db' })).not.toBeInTheDocument();
  });
});
