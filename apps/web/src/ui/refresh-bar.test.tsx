import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../lib/api-client.ts';
import { jsonResponse, mockFetch } from '../test/fetch-mock.ts';
import { testQueryClient } from '../test/render-app.tsx';
import { RefreshBar } from './refresh-bar.tsx';

function Page() {
  const query = useQuery({
    queryKey: ['queues'],
    queryFn: ({ signal }) => apiRequest('dli.listQueues', { query: { queue_type: 'all' }, signal }),
  });
  return <RefreshBar updatedAt={query.dataUpdatedAt} fetching={query.isFetching} onRefresh={() => void query.refetch()} />;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RefreshBar', () => {
  it('the refresh button asks the server for fresh data (Cache-Control: no-cache); the page load does not', async () => {
    const { requests } = mockFetch(() => jsonResponse({ is_success: true, queues: [] }));
    render(
      <QueryClientProvider client={testQueryClient()}>
        <Page />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.headers.get('cache-control')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button')).not.toHaveAttribute('aria-busy'));

    await userEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]!.headers.get('cache-control')).toBe('no-cache');
    expect(requests[1]!.url.pathname).toBe('/api/dli/queues');
  });
});
