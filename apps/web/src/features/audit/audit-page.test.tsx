import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('audit trail', () => {
  it('lists the entries the BFF returns', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({
        entries: [{ user: 'alice', action: 'dli.deleteEnhancedConnection', outcome: 'success' }],
      }),
    );
    renderApp('/audit');
    expect(
      await screen.findByRole('cell', { name: 'dli.deleteEnhancedConnection' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'user' })).toBeInTheDocument();
    expect(requests[0]!.url.pathname).toBe('/api/audit');
    expect(requests[0]!.headers.get('X-CSRF')).toBe('1');
  });

  it('shows a 403 for non-admins as an error', async () => {
    mockFetch(() =>
      consoleError(403, { code: 'FORBIDDEN', message: 'admin role required', requestId: 'r-1' }),
    );
    renderApp('/audit');
    expect(await screen.findByRole('alert')).toHaveTextContent('admin role required');
  });
});
