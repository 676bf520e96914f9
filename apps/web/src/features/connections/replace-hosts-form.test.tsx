import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse, sampleConnection } from './editor-test-bff.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => fakeLayout());

const DETAIL = 'GET /api/dli/enhanced-connections/conn-1';
const PUT = 'PUT /api/dli/enhanced-connections/conn-1';

async function openEditor(hosts?: { name: string; ip: string }[]) {
  const bff = mockBff({
    [DETAIL]: () => jsonResponse(sampleConnection(hosts ? { hosts } : {})),
    'GET /api/dli/queues': queuesResponse,
    [PUT]: () => jsonResponse({ is_success: true }),
  });
  const user = userEvent.setup();
  renderApp('/connections/conn-1', testQueryClient({ user: testUser('operator') }));
  // The first render loads the detail page's code: slower than the default wait on a busy machine.
  const edit = await screen.findByRole('button', { name: 'Edit hosts' }, { timeout: 15_000 });
  await user.click(edit);
  await screen.findByLabelText('Host name, row 1');
  return { ...bff, user };
}

const editHostsButton = () => screen.getByRole('button', { name: 'Edit hosts' });
const discardDialog = () => screen.queryByRole('dialog', { name: 'Discard your changes to the hosts of orders_mysql?' });

describe('replace hosts: the confirmation lists what changes', () => {
  it('shows added, removed and changed hosts with their counts', async () => {
    const { user, requests } = await openEditor();
    await user.click(screen.getByRole('radio', { name: /^Text/ }));
    const area = screen.getByLabelText(/^Hosts as text/);
    // db01 stays, db02 moves to another address, web01 is new; a CSV line and an exact repeat too.
    fireEvent.input(area, { target: { value: '10.0.0.1 db01\n10.0.0.22 db02\nweb01,10.0.0.30\n10.0.0.1 db01' } });
    expect(await screen.findByText('Repeats merged (same name and IP as an earlier line): 1.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save hosts…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Replace the hosts of orders_mysql?' });
    expect(dialog).toHaveTextContent('The whole list is replaced. Hosts now: 2; after saving: 3.');
    expect(within(dialog).getByRole('region', { name: 'Added (1)' })).toHaveTextContent('web01 10.0.0.30');
    expect(within(dialog).getByRole('region', { name: 'Address changed (1)' })).toHaveTextContent('db02: 10.0.0.2 → 10.0.0.22');
    expect(within(dialog).queryByRole('region', { name: /^Removed/ })).not.toBeInTheDocument();
    expect(dialog).toHaveTextContent('Unchanged: 1');
    await user.click(within(dialog).getByRole('button', { name: 'Replace hosts' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')!.body).toEqual({
      hosts: [
        { name: 'db01', ip: '10.0.0.1' },
        { name: 'db02', ip: '10.0.0.22' },
        { name: 'web01', ip: '10.0.0.30' },
      ],
    });
  });

  it('caps each kind of change to a few rows and says how many more there are', async () => {
    const current = Array.from({ length: 12 }, (_, i) => ({ name: `old${i}`, ip: `10.0.0.${i + 1}` }));
    const { user } = await openEditor(current);
    await user.click(screen.getByRole('radio', { name: /^Text/ }));
    fireEvent.input(screen.getByLabelText(/^Hosts as text/), { target: { value: '10.1.0.1 fresh' } });
    await screen.findByText('Read as /etc/hosts text: 1 valid entries.');
    await user.click(screen.getByRole('button', { name: 'Save hosts…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the hosts of orders_mysql?' });
    const removed = within(dialog).getByRole('region', { name: 'Removed (12)' });
    expect(within(removed).getAllByRole('listitem')).toHaveLength(5);
    expect(removed).toHaveTextContent('…and 7 more');
    expect(within(dialog).getByRole('region', { name: 'Added (1)' })).toHaveTextContent('fresh 10.1.0.1');
  });
});

describe('replace hosts: Cancel and Escape', () => {
  it('closes at once when nothing was changed, and focus returns to Edit hosts', async () => {
    const { user } = await openEditor();
    // Viewing the list as text is not an edit.
    await user.click(screen.getByRole('radio', { name: /^Text/ }));
    await screen.findByText('Read as /etc/hosts text: 2 valid entries.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(discardDialog()).not.toBeInTheDocument();
    await waitFor(() => expect(editHostsButton()).toHaveFocus());
  });

  it('asks before discarding edits: Keep editing keeps them, Discard changes closes the editor', async () => {
    const { user, requests } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Remove host row 1' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    let dialog = await screen.findByRole('dialog', { name: 'Discard your changes to the hosts of orders_mysql?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(discardDialog()).not.toBeInTheDocument();
    expect(screen.getByLabelText('Host name, row 1')).toHaveValue('db02');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    dialog = await screen.findByRole('dialog', { name: 'Discard your changes to the hosts of orders_mysql?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(editHostsButton()).toHaveFocus());
    expect(screen.queryByLabelText('Host name, row 1')).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Hosts of orders_mysql' })).getByText('db01')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('counts a text line that was refused as an edit', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('radio', { name: /^Text/ }));
    const area = screen.getByLabelText<HTMLTextAreaElement>(/^Hosts as text/);
    fireEvent.input(area, { target: { value: `${area.value}\n10.0.0.300 broken` } });
    await screen.findByText('Line 3: 10.0.0.300 is not an IPv4 address');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('dialog', { name: 'Discard your changes to the hosts of orders_mysql?' })).toBeInTheDocument();
  });

  it('Escape acts as Cancel: it closes a clean editor and asks for an edited one', async () => {
    const { user } = await openEditor();
    screen.getByLabelText('Host name, row 1').focus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(editHostsButton()).toHaveFocus());

    await user.click(editHostsButton());
    const name = await screen.findByLabelText('Host name, row 1');
    await user.type(name, 'x');
    await user.keyboard('{Escape}');
    await screen.findByRole('dialog', { name: 'Discard your changes to the hosts of orders_mysql?' });
    // Escape in the question is its own Cancel (keep editing), not a second Cancel of the editor.
    await user.keyboard('{Escape}');
    expect(discardDialog()).not.toBeInTheDocument();
    expect(screen.getByLabelText('Host name, row 1')).toHaveValue('db01x');
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: /^Discard your changes/ })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(editHostsButton()).toHaveFocus());
  });
});
