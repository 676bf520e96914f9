import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { consoleError, jsonResponse, mockFetch } from '../test/fetch-mock.ts';
import { testQueryClient } from '../test/render-app.tsx';
import { SERVICE_STATUS_POLL_MS, ServiceStatusBanner } from './service-status-banner.tsx';

const service = (ok: boolean) => ({ ok, latencyMs: 12, ...(ok ? {} : { error: 'UPSTREAM_UNAVAILABLE (HTTP 503)' }) });
const status = (dli: boolean, mrs: boolean, dws: boolean) =>
  jsonResponse({ status: dli && mrs && dws ? 'ok' : 'degraded', services: { dli: service(dli), mrs: service(mrs), dws: service(dws) }, checkedAt: '2026-01-01T00:00:00Z' });

function renderBanner() {
  return render(
    <QueryClientProvider client={testQueryClient()}>
      <p>page</p>
      <ServiceStatusBanner />
    </QueryClientProvider>,
  );
}

describe('ServiceStatusBanner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the degraded services in a status region, and asks /api/status with X-CSRF', async () => {
    const { requests } = mockFetch(() => status(true, false, false));
    renderBanner();
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('MRS, GaussDB(DWS) are not answering normally right now.');
    expect(requests[0]!.url.pathname).toBe('/api/status');
    expect(requests[0]!.headers.get('X-CSRF')).toBe('1');
  });

  it('renders nothing when every service is fine, or when the status cannot be read', async () => {
    const { requests } = mockFetch(() => status(true, true, true));
    const { container } = renderBanner();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(container).toHaveTextContent(/^page$/);

    mockFetch(() => consoleError(401, { code: 'UNAUTHENTICATED', message: 'Sign in to continue' }));
    renderBanner();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('checks again every 30 seconds: the banner comes and goes with the services', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let degraded = false;
    const { requests } = mockFetch(() => status(!degraded, true, true));
    renderBanner();
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    degraded = true;
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    expect(await screen.findByRole('status')).toHaveTextContent('DLI is not answering normally');
    degraded = false;
    await act(() => vi.advanceTimersByTimeAsync(SERVICE_STATUS_POLL_MS));
    await vi.waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(requests).toHaveLength(3);
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    mockFetch(() => status(false, true, false));
    renderBanner();
    expect(await screen.findByRole('status')).toHaveTextContent('DLI、GaussDB(DWS) 当前响应异常');
  });
});
