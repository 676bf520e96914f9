import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pager, pageCount } from './pager.tsx';

describe('pageCount', () => {
  it('is at least one page, and one page for "all" (0)', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(5000, 0)).toBe(1);
  });
});

describe('Pager', () => {
  it('keeps to previous / next unless asked for more', () => {
    render(<Pager page={2} pageSize={20} total={100} rowCount={20} onPageChange={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'First' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Go to page')).not.toBeInTheDocument();
    expect(screen.getByText('21–40 of 100')).toBeInTheDocument();
  });

  it('goes to the first and last page and jumps to a typed page, clamped to the range', async () => {
    const onPageChange = vi.fn();
    render(
      <Pager page={2} pageSize={20} total={100} rowCount={20} onPageChange={onPageChange} jump />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'First' }));
    await userEvent.click(screen.getByRole('button', { name: 'Last' }));
    const field = screen.getByLabelText('Go to page');
    await userEvent.clear(field);
    await userEvent.type(field, '4{Enter}');
    await userEvent.clear(field);
    await userEvent.type(field, '400{Enter}');
    await userEvent.clear(field);
    await userEvent.type(field, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(onPageChange.mock.calls.map(([p]) => p)).toEqual([1, 5, 4, 5, 1]);
  });

  it('offers "All" for page size 0 and shows every row as one page', async () => {
    const onPageSizeChange = vi.fn();
    render(
      <Pager
        page={1}
        pageSize={0}
        total={730}
        rowCount={730}
        onPageChange={vi.fn()}
        pageSizes={[20, 100, 0]}
        onPageSizeChange={onPageSizeChange}
        jump
      />,
    );
    expect(screen.getByText('1–730 of 730')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Rows per page')).toHaveDisplayValue('All');
    expect(screen.getByRole('button', { name: 'Last' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), '100');
    expect(onPageSizeChange).toHaveBeenCalledWith(100);
  });
});
