import { Hosts } from '@dsc/api-types';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test/fetch-mock.ts';
import { renderApp, testQueryClient, testUser } from '../../../test/render-app.tsx';
import { fakeLayout, mockBff, queuesResponse, sampleConnection } from '../editor-test-bff.ts';

/** The hosts editor's own live status (the shell's flash region is a status too). */
const hostsStatus = () => document.getElementById('connection-hosts-status');

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5_000 });
beforeEach(() => fakeLayout());

const CREATE = 'POST /api/dli/enhanced-connections';
const entry = (i: number) => ({ name: `app-${i}.internal`, ip: `10.20.${i >> 8}.${i & 255}` });
const hostsText = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => entry(from + i))
    .map((h) => `${h.ip} ${h.name}`)
    .join('\n');

async function openTextMode() {
  const view = renderApp('/connections/new', testQueryClient({ user: testUser('operator') }));
  await screen.findByLabelText('sql_prod_yearly');
  await userEvent.setup().click(screen.getByRole('radio', { name: /^Text/ }));
  return { ...view, area: screen.getByLabelText<HTMLTextAreaElement>(/^Hosts as text/) };
}

/** A paste event carrying `text`; true when the browser would insert it (nothing prevented it). */
const paste = (target: Element, text: string) =>
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });

describe('hosts editor: a large paste', () => {
  it('never enters the text box: it is read, listed in a table, and sent exactly as read', async () => {
    const { requests } = mockBff({
      'GET /api/dli/queues': queuesResponse,
      [CREATE]: () => jsonResponse({ is_success: true, message: '', connection_id: 'new-2' }),
      'GET /api/dli/enhanced-connections/new-2': () => jsonResponse(sampleConnection({ id: 'new-2' })),
    });
    const { area, router } = await openTextMode();
    const text = hostsText(1_500);

    expect(paste(area, text)).toBe(false);
    expect(screen.queryByLabelText(/^Hosts as text/)).not.toBeInTheDocument();
    const panel = screen.getByRole('group', { name: `Pasted text: 1,500 lines, ${text.length.toLocaleString()} characters` });
    await waitFor(() => expect(panel).toHaveFocus());
    const status = await screen.findByText('1,500 entries read from the pasted text (/etc/hosts style); all valid.');
    expect(status).toHaveAttribute('role', 'status');
    expect(panel).toHaveAccessibleDescription(/1,500 entries read from the pasted text/);
    const table = screen.getByRole('table', { name: 'Entries read from the pasted text' });
    expect(within(table).getByText('app-0.internal')).toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeLessThan(50);

    // The worker's schema check is reused: nothing on the main thread checks the 1,500 entries
    // again, neither as the other fields are checked nor at submit.
    const schema = vi.spyOn(Hosts, 'safeParse');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Name/), 'pasted_hosts');
    await user.type(screen.getByLabelText(/^VPC ID/), 'vpc-123');
    await user.type(screen.getByLabelText(/^Subnet ID/), 'subnet-456');
    await user.click(screen.getByRole('button', { name: 'Create connection' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/connections/new-2'));
    expect(schema).not.toHaveBeenCalled();
    const body = requests.find((r) => `${r.method} ${r.url.pathname}` === CREATE)!.body as { hosts: unknown[] };
    expect(body.hosts).toEqual(Array.from({ length: 1_500 }, (_, i) => entry(i)));
  });

  it('keeps a small paste in the box; a large one replaces the selection and can be shown as text', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    const { area } = await openTextMode();
    expect(paste(area, '10.9.9.9 first\n')).toBe(true);

    fireEvent.input(area, { target: { value: '10.9.9.9 first\n# replaced\n10.9.9.8 last' } });
    expect(await screen.findByText('Read as /etc/hosts text: 2 valid entries.')).toBeInTheDocument();
    area.setSelectionRange('10.9.9.9 first\n'.length, '10.9.9.9 first\n# replaced\n'.length);
    const pasted = `${hostsText(1_200)}\n`;
    expect(paste(area, pasted)).toBe(false);
    const combined = `10.9.9.9 first\n${pasted}10.9.9.8 last`;
    expect(await screen.findByText('1,202 entries read from the pasted text (/etc/hosts style); all valid.')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show and edit as text' }));
    const shown = screen.getByLabelText<HTMLTextAreaElement>(/^Hosts as text/);
    expect(shown.value).toBe(combined);
    await waitFor(() => expect(shown).toHaveFocus());
    expect(screen.getByText('This text is long (1,202 lines): the page may pause briefly while it changes.')).toBeInTheDocument();
    expect(hostsStatus()).toHaveTextContent('Read as /etc/hosts text: 1,202 valid entries.');
  });

  it('lists problems by line and keeps rows closed until they are fixed; a paste on the panel adds to the text', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    const { area } = await openTextMode();
    const lines = hostsText(1_200).split('\n');
    lines[699] = '10.0.0.300 broken';
    paste(area, lines.join('\n'));

    expect(
      await screen.findByText('1,199 valid entries read from the pasted text (/etc/hosts style); 1 problems, listed below.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Line 700: 10.0.0.300 is not an IPv4 address')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Rows' })).toBeDisabled();
    const panel = screen.getByRole('group', { name: /^Pasted text: 1,200 lines/ });
    expect(panel).toHaveAccessibleDescription(/Problems: 1/);

    paste(panel, '\n10.8.8.8 extra');
    expect(
      await screen.findByText('1,200 valid entries read from the pasted text (/etc/hosts style); 1 problems, listed below.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^Pasted text: 1,201 lines/ })).toBeInTheDocument();
  });

  it('holds a large file out of the box too, and switches to rows once the text is clean', async () => {
    mockBff({ 'GET /api/dli/queues': queuesResponse });
    await openTextMode();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Load from a file…'), new File([hostsText(2_000)], 'big-hosts.txt', { type: 'text/plain' }));
    expect(await screen.findByText('2,000 entries read from big-hosts.txt (/etc/hosts style); all valid.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /^big-hosts\.txt: 2,000 lines/ })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Rows' }));
    expect(screen.getByLabelText('Host name, row 1')).toHaveValue('app-0.internal');
    expect(hostsStatus()).toHaveTextContent('Hosts: 2,000');
    // Back to text: the 2,000 rows are too many for the box as well.
    await user.click(screen.getByRole('radio', { name: /^Text/ }));
    expect(await screen.findByText('2,000 entries read from the list (/etc/hosts style); all valid.')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Hosts as text/)).not.toBeInTheDocument();
  });
});
