import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
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
    expect(alert).toHaveTextContent('DLI is unavailable');
    expect(alert).toHaveTextContent('DLI.0999');
    expect(alert).toHaveTextContent('req-42');
    expect(alert).toHaveTextContent('502');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
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
