import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { QueueStatusList } from './queue-status-list.tsx';

describe('QueueStatusList', () => {
  it('gives each queue a badge whose text and tone follow its status, whatever the case upstream', () => {
    render(
      <QueueStatusList
        queues={[
          { name: 'q_creating', status: 'creating' },
          { name: 'q_active', status: 'Active' },
          { name: 'q_failed', status: 'FAILED', err_msg: 'No route to the subnet' },
          { name: 'q_odd', status: 'REBINDING' },
        ]}
      />,
    );
    const badge = (queue: string) =>
      screen.getByText(queue).closest('li')!.querySelector('.status-badge')!;
    expect(badge('q_creating')).toHaveTextContent('CREATING');
    expect(badge('q_creating')).toHaveAttribute('data-tone', 'pending');
    expect(badge('q_active')).toHaveTextContent('ACTIVE');
    expect(badge('q_active')).toHaveAttribute('data-tone', 'success');
    expect(badge('q_failed')).toHaveTextContent('FAILED');
    expect(badge('q_failed')).toHaveAttribute('data-tone', 'danger');
    expect(badge('q_odd')).toHaveTextContent('REBINDING');
    expect(badge('q_odd')).toHaveAttribute('data-tone', 'neutral');
  });

  it('puts the reason of a failed binding on a focusable badge; other badges are plain text', () => {
    render(
      <QueueStatusList
        queues={[
          { name: 'q1', status: 'FAILED', err_msg: 'Peering refused' },
          { name: 'q2', status: 'FAILED' },
          { name: 'q3', status: 'ACTIVE', err_msg: 'stale message' },
        ]}
      />,
    );
    const tips = screen.getAllByRole('tooltip', { hidden: true }).map((t) => t.textContent);
    expect(tips).toEqual(['Peering refused', 'The binding failed; the service gave no reason.']);
    const q1 = screen.getByText('q1').closest('li')!.querySelector('[tabindex="0"]')!;
    expect(q1).toHaveAccessibleDescription('Peering refused');
    expect(screen.getByText('q3').closest('li')!.querySelector('[tabindex]')).toBeNull();
  });

  it('says "none" rather than leaving the cell blank, and translates statuses', async () => {
    const { container, unmount } = render(<QueueStatusList queues={[]} />);
    expect(container).toHaveTextContent('None');
    unmount();
    await i18n.changeLanguage('zh-CN');
    render(<QueueStatusList queues={[{ name: 'q', status: 'CREATING' }]} />);
    expect(screen.getByText('创建中')).toBeInTheDocument();
  });
});
