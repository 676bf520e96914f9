import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
import { i18n } from '../lib/i18n.ts';
import { ErrorState } from './error-state.tsx';

describe('ErrorState', () => {
  it('shows the message, the upstream code and the request id, and retries on request', async () => {
    const onRetry = vi.fn();
    render(
      <ErrorState
        error={
          new ApiError({
            status: 502,
            code: 'UPSTREAM_ERROR',
            message: 'DLI is unavailable',
            requestId: 'req-42',
            upstream: { status: 503, code: 'DLI.0999', message: 'server error' },
          })
        }
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Service message: DLI is unavailable');
    expect(alert).toHaveTextContent('Service message: server error');
    expect(alert).toHaveTextContent('DLI.0999');
    expect(alert).toHaveTextContent('req-42');
    expect(alert).toHaveTextContent('502');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("labels the service's words as its own, unchanged, in the chosen language, and does not repeat them", async () => {
    await i18n.changeLanguage('zh-CN');
    const message = 'Connection name already exists';
    render(
      <ErrorState
        error={new ApiError({ status: 409, code: 'UPSTREAM_ERROR', message, upstream: { status: 409, code: 'DLI.0001', message } })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(`服务返回：${message}`);
    expect(alert.textContent?.split(message)).toHaveLength(2);
  });

  it('explains client-side failures in the user language instead of a code', () => {
    render(<ErrorState error={new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/could not be reached/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('NETWORK_ERROR');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('copes with errors that are not ApiErrors', () => {
    render(<ErrorState error={new Error('render failed')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something unexpected went wrong.');
  });
});
