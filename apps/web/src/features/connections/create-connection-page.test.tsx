import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleError, jsonResponse, type RecordedRequest } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse, sampleConnection } from './editor-test-bff.ts';

// Typing with userEvent is slow on a shared machine; these are whole-form journeys.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => fakeLayout());

const CREATE = 'POST /api/dli/enhanced-connections';

async function openForm() {
  const view = renderApp('/connections/new', testQueryClient({ user: testUser('operator') }));
  await screen.findByRole('heading', { level: 1, name: 'New enhanced connection' });
  await screen.findByLabelText('sql_prod_yearly');
  return view;
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>, name = 'orders_mysql') {
  await user.type(screen.getByLabelText(/^Name/), name);
  await user.type(screen.getByLabelText(/^VPC ID/), 'vpc-123');
  await user.type(screen.getByLabelText(/^Subnet ID/), 'subnet-456');
}

const creates = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/dli/enhanced-connections');

describe('create connection: name rules', () => {
  it('states the name rules before anything is typed and ties them to the input', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    await openForm();
    const name = screen.getByLabelText(/^Name/);
    expect(name).toHaveAccessibleDescription(/1–64 characters: letters \(A–Z, a–z\), digits and underscores/);
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('0/64')).toBeInTheDocument();
  });

  it('flags a bad character as it is typed, and clears once the name is fixed', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    const name = screen.getByLabelText(/^Name/);
    await user.type(name, 'orders-');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/Use only letters, digits and underscores \(_\)\./);
    await user.clear(name);
    await user.type(name, 'orders_mysql');
    await waitFor(() => expect(name).not.toHaveAttribute('aria-invalid'));
    expect(screen.getByText('12/64')).toBeInTheDocument();
  });
});

describe('create connection: queues', () => {
  it('offers usable queues and lists the others disabled with the reason', async () => {
    const { requests } = mockBff({ 'GET /api/dli/queues': queuesResponse });
    await openForm();
    const listQuery = requests.find((r) => r.url.pathname === '/api/dli/queues')!;
    expect(listQuery.url.searchParams.get('queue_type')).toBe('all');

    for (const usable of ['sql_prod_yearly', 'sql_finance_monthly', 'spark_etl_prod']) {
      expect(screen.getByLabelText(usable)).toBeEnabled();
    }
    const def = screen.getByLabelText('default');
    expect(def).toBeDisabled();
    expect(def).toHaveAccessibleDescription(/the default queue can never use enhanced connections/);
    const shared = screen.getByLabelText('sql_shared_adhoc');
    expect(shared).toBeDisabled();
    expect(shared).toHaveAccessibleDescription(/shared, pay-per-use queues cannot use enhanced connections/);
  });
});

describe('create connection: tags', () => {
  it('applies the documented tag rules with errors on the row they concern', async () => {
    const { requests } = mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    expect(screen.getByText(/Up to 20 tags\. Key: 1–128 characters; value: 1–255 characters/)).toBeInTheDocument();

    const addTag = screen.getByRole('button', { name: 'Add tag' });
    await user.click(addTag);
    await user.click(addTag);
    await user.click(addTag);
    await user.click(addTag);
    await user.type(screen.getByLabelText('Tag key, row 1'), '_sys_owner');
    await user.type(screen.getByLabelText('Tag value, row 1'), 'ops');
    await user.type(screen.getByLabelText('Tag key, row 2'), 'env');
    await user.type(screen.getByLabelText('Tag value, row 2'), ' prod');
    await user.type(screen.getByLabelText('Tag key, row 3'), 'env');
    await user.type(screen.getByLabelText('Tag value, row 3'), 'staging');
    await user.type(screen.getByLabelText('Tag key, row 4'), 'team#1');
    await user.type(screen.getByLabelText('Tag value, row 4'), 'x');

    await user.click(screen.getByRole('button', { name: 'Create connection' }));

    expect(await screen.findByLabelText('Tag key, row 1')).toHaveAccessibleDescription(/Keys must not start with _sys_\./);
    expect(screen.getByLabelText('Tag value, row 2')).toHaveAccessibleDescription(/No space at the start or end\./);
    expect(screen.getByLabelText('Tag key, row 2')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Tag key, row 3')).toHaveAccessibleDescription(/already used in row 2/);
    expect(screen.getByLabelText('Tag key, row 4')).toHaveAccessibleDescription(/Use only letters, digits, spaces and/);
    expect(creates(requests)).toHaveLength(0);
  });

  it('stops adding rows at the limit of 20 and says so', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    const addTag = screen.getByRole('button', { name: 'Add tag' });
    for (let i = 0; i < 20; i++) await user.click(addTag);
    expect(addTag).toBeDisabled();
    expect(screen.getByText('The limit of 20 tags is reached.')).toBeInTheDocument();
  });
});

describe('create connection: hosts', () => {
  it('reads pasted text, names the bad line, and sends nothing while it is wrong', async () => {
    const { requests } = mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    await user.click(screen.getByRole('radio', { name: /Text/ }));
    const text = screen.getByLabelText(/^Hosts as text/);
    // An input event, as typing or pasting sends: preact/compat listens for input on a textarea's
    // onChange (React listens for both).
    fireEvent.input(text, { target: { value: '# hosts\n10.0.0.1 db01\n10.0.0.300 db02\n10.0.0.3 db01' } });

    expect(await screen.findByText('Line 3: 10.0.0.300 is not an IPv4 address')).toBeInTheDocument();
    expect(screen.getByText('Line 4: host name db01 is already used on line 2 for 10.0.0.1')).toBeInTheDocument();
    expect(screen.getByText('Problems: 2')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Rows' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Create connection' }));
    expect(await screen.findByText('Nothing is sent while the hosts have problems (found: 2); fix them first.')).toBeInTheDocument();
    expect(creates(requests)).toHaveLength(0);

    fireEvent.input(text, { target: { value: 'name,ip\ndb01,10.0.0.1\ndb02,10.0.0.2' } });
    expect(await screen.findByText('Read as CSV (name,ip, with a header row): 2 valid entries.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Rows' }));
    expect(screen.getByLabelText('Host name, row 2')).toHaveValue('db02');
    expect(screen.getByLabelText('IP address, row 2')).toHaveValue('10.0.0.2');
  });

  it('reads an uploaded file with the same parser', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    const file = new File(['10.1.0.1 app1 app1.internal\n'], 'hosts.txt', { type: 'text/plain' });
    await user.upload(screen.getByLabelText('Load from a file…'), file);
    expect(await screen.findByText('Read as /etc/hosts text: 2 valid entries.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Hosts as text/)).toHaveValue('10.1.0.1 app1 app1.internal\n');
  });

  it('checks typed rows: on submit a bad address shows on its row and nothing is sent', async () => {
    const { requests } = mockBff({ 'GET /api/dli/queues': queuesResponse });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    const name = screen.getByLabelText('Host name, row 1');
    await waitFor(() => expect(name).toHaveFocus());
    await user.type(name, 'db01');
    await user.type(screen.getByLabelText('IP address, row 1'), '10.0.0.256');
    expect(screen.getByLabelText('IP address, row 1')).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Create connection' }));
    const ip = screen.getByLabelText('IP address, row 1');
    await waitFor(() => expect(ip).toHaveAccessibleDescription('Must be an IPv4 address (a.b.c.d, each part 0–255).'));
    expect(screen.getByText('Row 1: 10.0.0.256 is not an IPv4 address')).toBeInTheDocument();
    expect(creates(requests)).toHaveLength(0);
    // Fixed in place, the error goes away without another submit.
    await user.clear(ip);
    await user.type(ip, '10.0.0.25');
    await waitFor(() => expect(ip).not.toHaveAttribute('aria-invalid'));
  });
});

describe('create connection: sending', () => {
  it('sends the schema body with an idempotency key and opens the new connection', async () => {
    const { requests } = mockBff({
      'GET /api/dli/queues': queuesResponse,
      [CREATE]: () => jsonResponse({ is_success: true, message: '', connection_id: 'new-1' }),
      'GET /api/dli/enhanced-connections/new-1': () =>
        jsonResponse(
          sampleConnection({
            id: 'new-1',
            name: 'orders_mysql',
            available_queue_info: [{ peer_id: 'p', status: 'CREATING', name: 'sql_prod_yearly', err_msg: '' }],
          }),
        ),
    });
    const user = userEvent.setup();
    const { router } = await openForm();
    await fillBasics(user);
    await user.click(screen.getByLabelText('sql_prod_yearly'));
    await user.click(screen.getByLabelText('spark_etl_prod'));
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    await user.type(screen.getByLabelText('Host name, row 1'), 'db01');
    await user.type(screen.getByLabelText('IP address, row 1'), '10.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Create connection' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/connections/new-1'));
    expect(await screen.findByText(/Created the connection orders_mysql\./)).toBeInTheDocument();
    const [req] = creates(requests);
    expect(req!.body).toEqual({
      name: 'orders_mysql',
      dest_vpc_id: 'vpc-123',
      dest_network_id: 'subnet-456',
      queues: ['spark_etl_prod', 'sql_prod_yearly'],
      hosts: [{ name: 'db01', ip: '10.0.0.1' }],
    });
    expect(req!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // The new queue's binding state: in the queue table and again in the doctor's queue list.
    expect((await screen.findAllByText('CREATING')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('sql_prod_yearly').length).toBeGreaterThan(0);
  });

  it('puts server field errors on their fields and keeps everything typed', async () => {
    const { requests } = mockBff({
      'GET /api/dli/queues': queuesResponse,
      [CREATE]: () =>
        jsonResponse(
          {
            error: {
              code: 'VALIDATION',
              message: 'Invalid request: name is required (and 2 more)',
              status: 400,
              requestId: 'req-400',
              fields: {
                name: 'must be at most 64 characters',
                'hosts.0.ip': 'must be an IPv4 address (a.b.c.d, each 0–255)',
                'tags.0.key': 'must not start with _sys_',
                'elastic_resource_pools.0': 'is required',
              },
            },
          },
          { status: 400 },
        ),
    });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText('Tag key, row 1'), 'owner');
    await user.type(screen.getByLabelText('Tag value, row 1'), 'ops');
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    await user.type(screen.getByLabelText('Host name, row 1'), 'db01');
    await user.type(screen.getByLabelText('IP address, row 1'), '10.0.0.1');
    await user.click(screen.getByRole('button', { name: 'Create connection' }));

    const name = screen.getByLabelText(/^Name/);
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/At most 64 characters\./);
    expect(name).toHaveValue('orders_mysql');
    expect(screen.getByLabelText('IP address, row 1')).toHaveAccessibleDescription(/Must be an IPv4 address/);
    expect(screen.getByLabelText('IP address, row 1')).toHaveValue('10.0.0.1');
    expect(screen.getByLabelText('Tag key, row 1')).toHaveAccessibleDescription(/Keys must not start with _sys_\./);
    expect(screen.getByText('elastic_resource_pools.0')).toBeInTheDocument();
    const summary = screen.getByText('The connection was not created').closest('[role="alert"]')!;
    expect(summary).toHaveTextContent('req-400');
    expect(summary).toHaveTextContent('VALIDATION');
    expect(creates(requests)).toHaveLength(1);
  });

  it('shows an upstream failure with its code and request id, and marks a taken name', async () => {
    mockBff({
      'GET /api/dli/queues': queuesResponse,
      [CREATE]: () =>
        consoleError(409, {
          code: 'UPSTREAM_ERROR',
          message: 'The connection name orders_mysql already exists.',
          requestId: 'req-409',
          upstream: { status: 409, code: 'DLI.0006', message: 'The connection name orders_mysql already exists.' },
        }),
    });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Create connection' }));
    const summary = (await screen.findByText('The connection was not created')).closest('[role="alert"]')!;
    expect(summary).toHaveTextContent('DLI.0006');
    expect(summary).toHaveTextContent('req-409');
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(/already exists/);
    expect(screen.getByLabelText(/^VPC ID/)).toHaveValue('vpc-123');
    // The request was sent and answered: the form must not claim that nothing was sent.
    expect(screen.queryByText(/Nothing was sent/)).not.toBeInTheDocument();
  });

  it('keeps the idempotency key when the answer was lost, and renews it after a refusal', async () => {
    let answer: 'network' | 'refuse' | 'ok' = 'network';
    const { requests } = mockBff({
      'GET /api/dli/queues': queuesResponse,
      [CREATE]: () => {
        if (answer === 'network') throw new TypeError('Failed to fetch');
        if (answer === 'refuse') return consoleError(400, { code: 'VALIDATION', message: 'no' });
        return jsonResponse({ connection_id: 'x' });
      },
      'GET /api/dli/enhanced-connections/x': () => jsonResponse(sampleConnection({ id: 'x' })),
    });
    const user = userEvent.setup();
    await openForm();
    await fillBasics(user);
    const submit = screen.getByRole('button', { name: 'Create connection' });
    await user.click(submit);
    await screen.findByText('The connection was not created');
    answer = 'refuse';
    await user.click(submit);
    await waitFor(() => expect(creates(requests)).toHaveLength(2));
    await waitFor(() => expect(submit).toBeEnabled());
    answer = 'ok';
    await user.click(submit);
    await waitFor(() => expect(creates(requests)).toHaveLength(3));
    const keys = creates(requests).map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('asks before leaving a form with changes', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse, 'GET /api/dli/enhanced-connections': () => jsonResponse({ count: 0, connections: [] }) });
    const user = userEvent.setup();
    const { router } = await openForm();
    await user.type(screen.getByLabelText(/^Name/), 'x');
    await user.click(screen.getByRole('link', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    expect(router.state.location.pathname).toBe('/connections/new');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('x');
  });

  it('tells a viewer why there is no form', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    renderApp('/connections/new', testQueryClient({ user: testUser('viewer') }));
    expect(await screen.findByRole('note')).toHaveTextContent("Your role (viewer) can't make changes; ask for operator.");
    expect(screen.queryByRole('button', { name: 'Create connection' })).not.toBeInTheDocument();
  });
});
