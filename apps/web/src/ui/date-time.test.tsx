import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from './date-time.tsx';

describe('DateTime', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a recent time relative to now and keeps it current; the absolute time and zone on hover', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const start = Date.UTC(2026, 11, 5, 12, 0, 0);
    vi.setSystemTime(start);
    render(<DateTime value={start - 5 * 60_000} />);
    const time = screen.getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-12-05T11:55:00.000Z');
    // Local time with its zone named, then the UTC instant.
    expect(time.getAttribute('title')).toMatch(/\d{1,2}:55:00 .+ · Dec 5, 2026, 11:55:00 AM UTC$/);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(time).toHaveTextContent('15 minutes ago');
  });

  it('shows a time a week or more away as a date', () => {
    render(<DateTime value={Date.UTC(2024, 4, 1, 8)} />);
    const time = screen.getByText((_, el) => el?.tagName === 'TIME');
    expect(time.textContent).toMatch(/2024/);
    expect(time.getAttribute('title')).toMatch(/UTC$/);
  });
});
