import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { StatusBadge, isTransitional, statusTone } from './status-badge.tsx';

describe('statusTone', () => {
  it.each([
    ['ACTIVE', 'success'],
    ['Active', 'success'],
    ['SUCCESS', 'success'],
    ['CREATING', 'pending'],
    ['creating', 'pending'],
    ['RUNNING', 'pending'],
    ['PENDING_REBOOT', 'pending'],
    ['FAILED', 'danger'],
    ['CREATE_FAILED', 'danger'],
    ['FAIL', 'danger'],
    ['FROZEN', 'warning'],
    ['POLICE_FROZEN', 'warning'],
    ['DELETED', 'neutral'],
    ['SOMETHING_NEW', 'neutral'],
    ['', 'neutral'],
  ])('%s → %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it('treats only in-progress statuses as transitional', () => {
    expect(isTransitional('CREATING')).toBe(true);
    expect(isTransitional('DELETING')).toBe(true);
    expect(isTransitional('ACTIVE')).toBe(false);
    expect(isTransitional('FAILED')).toBe(false);
  });
});

describe('StatusBadge', () => {
  it('says the status in words, not only in colour', () => {
    render(<StatusBadge status="creating" />);
    const badge = screen.getByText('CREATING');
    expect(badge).toHaveAttribute('data-tone', 'pending');
    expect(badge).not.toHaveAttribute('tabindex');
  });

  it('shows an unknown status as it came', () => {
    render(<StatusBadge status="Rebalancing" />);
    expect(screen.getByText('Rebalancing')).toHaveAttribute('data-tone', 'neutral');
  });

  it('makes a failure with a reason focusable and describes it with the reason', async () => {
    render(<StatusBadge status="FAILED" detail="Subnet has no free IP" />);
    const tip = screen.getByText('FAILED').parentElement!;
    await userEvent.tab();
    expect(tip).toHaveFocus();
    expect(tip).toHaveAccessibleDescription('Subnet has no free IP');
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent(
      'Subnet has no free IP',
    );
  });

  it('translates the label', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<StatusBadge status="ACTIVE" />);
    expect(screen.getByText('正常')).toBeInTheDocument();
  });
});
