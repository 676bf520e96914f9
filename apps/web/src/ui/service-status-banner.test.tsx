import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
import { i18n } from '../lib/i18n.ts';
import { jsonResponse, mockFetch, type RecordedRequest } from '../test/fetch-mock.ts';
import { testQueryClient } from '../test/render-app.tsx';
import { SERVICE_STATUS_POLL_MS, ServiceStatusBanner } from './service-status-banner.tsx';

const service = (ok: boolean) => ({ ok, latencyMs: 12, ...(ok ? {} : { error: 'UPSTREAM_UNAVAILABLE (HTTP 503)' }) });
const status = (dli: boolean, mrs: boolean, dws: boolean) =>
  jsonResponse({
    status: dli && mrs && dws ? 'ok' : 'degraded',
    services: { dli: service(dli), mrs: service(mrs), dws: service(dws) },
    checkedAt: '2026-01-01T00:00:00Z',
  });

function renderBanner(): QueryClient {
  const client = testQueryClient();
  render(
    <QueryClientProvider client={client}>
      <p>page</p>
      <ServiceStatusBanner />
    </QueryClientProvider>,
  );
  return client;
}

/** A page's read failing the way a cloud outage makes it fail. */
async function pageReadFails(client: QueryClient, status = 503, code = 'UPSTREAM_UNAVAILABLE') {
  await act(() =>
    client
      .fetchQuery({
        queryKey: ['page', status, Math.random()],
        queryFn: () => Promise.reject(new ApiError({ status, code, message: 'failed' })),
        retry: false,
      })
      .catch(() => {}),
  );
}

const statusCalls = (requests: RecordedRequest[]) => requests.filter((r) => r.url.pathname === '/api/status');

describe('ServiceStatusBanner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks nothing while pages work, and nothing for a refused request (4xx)', async () => {
    const { requests } = mockFetch(() => status(true, false, true));
    const client = renderBanner();
    await pageReadFails(client, 404, 'UPSTREAM_ERROR');
    await new Promise((r) => setTimeout(r, 50));
    expect(statusCalls(requests)).toHaveLength(0);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('after a server-side failure, names the degraded services in a status region', async () => {
    const { requests } = mockFetch(() => status(true, false, false));
    const client = renderBanner();
    await pageReadFails(client);
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('MRS, GaussDB(DWS) are not answering normally right now.');
    expect(statusCalls(requests)[0]!.headers.get('X-CSRF')).toBe('1');
  });

  it('checks every 30 seconds until all is well twice in a row, disappearing at once, then stops asking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let dliOk = false;
    const { requests } = mockFetch(() => status(dliOk, true, true));
    const client = renderBanner();
    await pageReadFails(client, 0, 'NETWORK_ERROR');
    expect(await screen.findByRole('status')).toHaveTextContent('DLI is not answering normally');
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    await vi.waitFor(() => expect(statusCalls(requests)).toHaveLength(2));
    expect(screen.getByRole('status')).toBeInTheDocument();
    dliOk = true;
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    await vi.waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(statusCalls(requests)).toHaveLength(3);
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    await vi.waitFor(() => expect(statusCalls(requests)).toHaveLength(4));
    await act(() => vi.advanceTimersByTimeAsync(3 * SERVICE_STATUS_POLL_MS));
    expect(statusCalls(requests)).toHaveLength(4);
    // The next failure starts watching again.
    dliOk = false;
    await pageReadFails(client, 429, 'THROTTLED');
    expect(await screen.findByRole('status')).toHaveTextContent('DLI');
    expect(statusCalls(requests)).toHaveLength(5);
  });

  it('keeps watching after an all-well answer that the BFF may have checked before the failure', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    // The first answer comes from the BFF's cache of a check made before DWS went down.
    let answers = 0;
    const { requests } = mockFetch(() => (answers++ === 0 ? status(true, true, true) : status(true, true, false)));
    const client = renderBanner();
    await pageReadFails(client);
    await vi.waitFor(() => expect(statusCalls(requests)).toHaveLength(1));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    expect(await screen.findByRole('status')).toHaveTextContent('GaussDB(DWS) is not answering normally');
    expect(statusCalls(requests)).toHaveLength(2);
  });

  it('renders nothing when the status cannot be read', async () => {
    mockFetch(() => jsonResponse({ error: { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in' } }, { status: 401 }));
    const client = renderBanner();
    await pageReadFails(client);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    mockFetch(() => status(false, true, false));
    await pageReadFails(renderBanner());
    expect(await screen.findByRole('status')).toHaveTextContent('DLI、GaussDB(DWS) 当前响应异常');
  });
});
