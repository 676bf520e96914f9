import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../test/fetch-mock.ts';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';

interface Stored {
  connector_id: string;
  connector_name: string;
  source_type: string;
  info: { db_name: string; user_name: string; password: string; rds_instance_id: string };
}

/** A tiny MRS behind the BFF: list (with connector_id), update; the password comes back masked. */
function fakeMrs(opts: { onPut?: (req: RecordedRequest) => Response | undefined } = {}) {
  const store: Stored = {
    connector_id: 'c-1',
    connector_name: 'orders_db',
    source_type: 'RDS_MYSQL',
    info: { db_name: 'orders', user_name: 'etl', password: 'Secret-1', rds_instance_id: 'rds-9' },
  };
  const render = () => ({
    connector_id: store.connector_id,
    connector_name: store.connector_name,
    source_type: store.source_type,
    source_info: JSON.stringify({ ...store.info, password: '*****' }),
    create_time: 1_700_000_000_000,
  });
  const mock = mockFetch(async (req) => {
    if (req.method === 'GET') {
      const id = req.url.searchParams.get('connector_id');
      const list = id && id !== store.connector_id ? [] : [render()];
      return jsonResponse({ total_count: list.length, data_connectors: list });
    }
    const custom = opts.onPut?.(req);
    if (custom) return custom;
    const dc = (req.body as { data_connector: { connector_name: string; source_type: string; source_info: string } })
      .data_connector;
    const info = JSON.parse(dc.source_info) as Partial<Stored['info']>;
    store.connector_name = dc.connector_name;
    store.source_type = dc.source_type;
    store.info = { ...store.info, ...info, password: info.password ?? store.info.password };
    return jsonResponse({ result: 'succeed' });
  });
  return { ...mock, store };
}

const puts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT');
const operator = () => testQueryClient({ user: testUser('operator') });

async function openForm(url = '/mrs/data-connectors/c-1/edit') {
  const view = renderApp(url, operator());
  await screen.findByRole('heading', { name: 'Edit data connector “orders_db”' });
  return view;
}

describe('MRS connector edit form', { timeout: 20_000 }, () => {
  it('shows the stored values as fields, the password empty and how to keep it', async () => {
    fakeMrs();
    await openForm();
    expect(screen.getByLabelText(/Connector name/)).toHaveValue('orders_db');
    expect(screen.getByLabelText(/Source type/)).toHaveValue('RDS_MYSQL');
    expect(screen.getByLabelText(/Database name/)).toHaveValue('orders');
    expect(screen.getByLabelText(/User name/)).toHaveValue('etl');
    expect(screen.getByLabelText(/RDS instance ID/)).toHaveValue('rds-9');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveValue('');
    expect(password).toHaveAccessibleDescription('Leave empty to keep the stored password.');
    expect(screen.queryByRole('textbox', { name: /source_info/i })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('*****');
  });

  it('saves database and user, keeps the stored password and returns to the list with the new values', async () => {
    const { requests, store } = fakeMrs();
    const { router } = await openForm('/mrs/data-connectors/c-1/edit?name=orders');
    const db = screen.getByLabelText(/Database name/);
    await userEvent.clear(db);
    await userEvent.type(db, 'orders_v2');
    const user = screen.getByLabelText(/User name/);
    await userEvent.clear(user);
    await userEvent.type(user, 'etl_writer');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/mrs/data-connectors'));
    expect(router.state.location.search).toEqual({ name: 'orders' });
    expect(puts(requests)).toHaveLength(1);
    expect(puts(requests)[0]!.body).toEqual({
      data_connector: {
        connector_name: 'orders_db',
        source_type: 'RDS_MYSQL',
        source_info: '{"db_name":"orders_v2","user_name":"etl_writer","rds_instance_id":"rds-9"}',
      },
    });
    expect(store.info.password).toBe('Secret-1');
    expect(await screen.findByText('Saved data connector “orders_db”.')).toBeInTheDocument();
    const row = (await screen.findByRole('rowheader', { name: /orders_db/ })).closest('tr')!;
    expect(within(row).getByText('orders_v2')).toBeInTheDocument();
    expect(within(row).getByText('etl_writer')).toBeInTheDocument();
  });

  it('a typed password is sent; the mask typed back is refused before anything is sent', async () => {
    const { requests } = fakeMrs();
    await openForm();
    const password = screen.getByLabelText('Password');
    await userEvent.type(password, '*****');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/leave the field empty to keep the stored one/)).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(puts(requests)).toHaveLength(0);

    await userEvent.clear(password);
    await userEvent.type(password, 'N3w-pass!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect(JSON.parse((puts(requests)[0]!.body as { data_connector: { source_info: string } }).data_connector.source_info)).toEqual({
      db_name: 'orders',
      user_name: 'etl',
      password: 'N3w-pass!',
      rds_instance_id: 'rds-9',
    });
  });

  it('names an invalid field and sends nothing', async () => {
    const { requests } = fakeMrs();
    await openForm();
    const db = screen.getByLabelText(/Database name/);
    await userEvent.clear(db);
    await userEvent.type(db, 'bad name!');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('May hold only letters, digits and _ $ -.')).toBeInTheDocument();
    expect(db).toHaveAttribute('aria-invalid', 'true');
    expect(db).toHaveAccessibleDescription(/May hold only letters, digits and _ \$ -\./);
    expect(puts(requests)).toHaveLength(0);
  });

  it('server field errors land on their inputs', async () => {
    fakeMrs({
      onPut: () =>
        jsonResponse(
          {
            error: {
              code: 'VALIDATION',
              status: 400,
              message: 'Invalid request: data_connector.source_info.user_name is reserved',
              requestId: 'req-v',
              fields: {
                'data_connector.source_info.user_name': 'is reserved',
                'data_connector.source_info': 'must be a JSON object string',
              },
            },
          },
          { status: 400 },
        ),
    });
    await openForm();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const user = screen.getByLabelText(/User name/);
    await waitFor(() => expect(user).toHaveAttribute('aria-invalid', 'true'));
    expect(user).toHaveAccessibleDescription(/The server refused this value: is reserved/);
    expect(screen.getByText('data_connector.source_info')).toBeInTheDocument();
    expect(screen.getByText('req-v')).toBeInTheDocument();
  });

  it('{"result":"failed"} is a failure with what the upstream said and the request id; the form stays filled', async () => {
    fakeMrs({
      onPut: () =>
        consoleError(502, {
          code: 'UPSTREAM_RESULT_FAILED',
          message: 'The update answer says result "failed"',
          requestId: 'req-failed-1',
          upstream: { status: 200, message: 'The update answer says result "failed"' },
        }),
    });
    const { router } = await openForm();
    const db = screen.getByLabelText(/Database name/);
    await userEvent.clear(db);
    await userEvent.type(db, 'orders_v3');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not saved: the cloud service reported a failure')).toBeInTheDocument();
    expect(within(alert).getByText('req-failed-1')).toBeInTheDocument();
    expect(within(alert).getByText(/result "failed"/, { selector: 'p' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/mrs/data-connectors/c-1/edit');
    expect(db).toHaveValue('orders_v3');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  });

  it('changing the source type asks first; keeping it changes nothing', async () => {
    fakeMrs();
    await openForm();
    const type = screen.getByLabelText(/Source type/);
    await userEvent.selectOptions(type, 'RDS_POSTGRES');
    const dialog = await screen.findByRole('dialog', { name: 'Change the source type?' });
    expect(dialog).toHaveTextContent('from RDS for MySQL to RDS for PostgreSQL');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep RDS for MySQL' }));
    expect(type).toHaveValue('RDS_MYSQL');

    await userEvent.selectOptions(type, 'gaussdb-mysql');
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Change the source type?' })).getByRole('button', {
        name: 'Change to GaussDB(for MySQL)',
      }),
    );
    expect(type).toHaveValue('gaussdb-mysql');
  });

  it('leaving with unsaved changes asks first', async () => {
    fakeMrs();
    const { router } = await openForm();
    await userEvent.type(screen.getByLabelText(/Database name/), '_x');
    await userEvent.click(screen.getByRole('link', { name: 'Back to data connectors' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/mrs/data-connectors/c-1/edit');
    expect(screen.getByLabelText(/Database name/)).toHaveValue('orders_x');

    await userEvent.click(screen.getByRole('link', { name: 'Back to data connectors' }));
    await userEvent.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', {
        name: 'Leave and discard changes',
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/mrs/data-connectors'));
  });

  it('the submit button waits while saving', async () => {
    let release: (r: Response) => void = () => {};
    const { requests } = mockFetch(async (req) => {
      if (req.method === 'PUT') return new Promise<Response>((resolve) => (release = resolve));
      return jsonResponse({
        total_count: 1,
        data_connectors: [
          {
            connector_id: 'c-1',
            connector_name: 'orders_db',
            source_type: 'RDS_MYSQL',
            source_info: '{"db_name":"orders","user_name":"etl","password":"*****","rds_instance_id":"rds-9"}',
          },
        ],
      });
    });
    await openForm();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect(busy).toBeDisabled();
    await userEvent.click(busy);
    expect(puts(requests)).toHaveLength(1);
    release(jsonResponse({ result: 'succeeded' }));
    expect(await screen.findByText('Saved data connector “orders_db”.')).toBeInTheDocument();
  });

  it('a viewer sees the values as text, no form and no Save, and is told why', async () => {
    const { requests } = fakeMrs();
    renderApp('/mrs/data-connectors/c-1/edit', testQueryClient({ user: testUser('viewer') }));
    await screen.findByRole('heading', { level: 1, name: 'Data connector “orders_db”' });
    expect(screen.getByText("Your role (viewer) can't make changes; ask for operator.")).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(screen.getByRole('main')).queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(value('Connector name')).toHaveTextContent('orders_db');
    expect(value('Source type')).toHaveTextContent('RDS for MySQL');
    expect(value('Database name')).toHaveTextContent('orders');
    expect(value('User name')).toHaveTextContent('etl');
    expect(value('Password')).toHaveTextContent('Stored (never shown)');
    expect(value('RDS instance ID')).toHaveTextContent('rds-9');
    expect(within(value('ID') as HTMLElement).getByRole('button', { name: 'Copy the ID of orders_db' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('*****');
    expect(screen.getByRole('link', { name: 'Back to data connectors' })).toBeInTheDocument();
    expect(puts(requests)).toEqual([]);
  });

  it('an operator sees the ID with a copy button above the form', async () => {
    fakeMrs();
    await openForm();
    expect(screen.getByRole('button', { name: 'Copy the ID of orders_db' })).toBeInTheDocument();
    expect(screen.getByText('c-1')).toBeInTheDocument();
  });

  it('a viewer opening the create page gets the reason and no form', async () => {
    fakeMrs();
    renderApp('/mrs/data-connectors/new', testQueryClient({ user: testUser('viewer') }));
    await screen.findByRole('heading', { level: 1, name: 'New data connector' });
    expect(screen.getByText("Your role (viewer) can't make changes; ask for operator.")).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create data connector' })).not.toBeInTheDocument();
  });

  it('an unknown connector says so', async () => {
    fakeMrs();
    renderApp('/mrs/data-connectors/nope/edit', operator());
    expect(await screen.findByText(/There is no data connector with ID nope/)).toBeInTheDocument();
  });
});
