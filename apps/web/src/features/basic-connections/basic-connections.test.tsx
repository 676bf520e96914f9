import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('basic connections', () => {
  it('refuses an id the BFF would refuse, without calling it', async () => {
    const { requests } = mockFetch(() => jsonResponse({}));
    renderApp('/basic-connections');
    await screen.findByRole('heading', { level: 1, name: 'Basic connections' });
    await userEvent.type(screen.getByLabelText('Connection ID'), '../etc{Enter}');
    expect(screen.getByLabelText('Connection ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Connection ID')).toHaveAccessibleDescription(/letters, digits/);
    expect(requests).toHaveLength(0);
  });

  it('looks a connection up by id and lists its raw fields', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({
        is_success: true,
        connection_id: 'b-42',
        name: 'legacy_conn',
        state: 'ACTIVE',
        destination: 'mysql.example:3306',
        available_queue_info: [{ uuid: 'u1', name: 'q1', status: 'ACTIVE' }],
      }),
    );
    const { router } = renderApp('/basic-connections');
    await userEvent.type(await screen.findByLabelText('Connection ID'), 'b-42{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'legacy_conn' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/basic-connections/b-42');
    expect(requests[0]!.url.pathname).toBe('/api/dli/basic-connections/b-42');
    const term = screen.getByText('destination');
    expect(term.closest('div')).toHaveTextContent('mysql.example:3306');
    expect(screen.getByText('available_queue_info').closest('div')).toHaveTextContent(
      '"uuid": "u1"',
    );
  });

  it('shows a not-found answer as an error with its request id', async () => {
    mockFetch(() =>
      consoleError(404, {
        code: 'UPSTREAM_ERROR',
        message: 'The connection does not exist',
        requestId: 'r-404',
        upstream: { status: 404, code: 'DLI.0002' },
      }),
    );
    renderApp('/basic-connections/missing');
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('r-404'));
    expect(alert).toHaveTextContent('DLI.0002');
  });
});
