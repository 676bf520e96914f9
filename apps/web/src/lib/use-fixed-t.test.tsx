import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBadge } from '../ui/status-badge.tsx';
import { setLanguage } from './i18n.ts';
import { useFixedT } from './use-fixed-t.ts';

function Probe() {
  const { t, language } = useFixedT('connections');
  return (
    <p>
      {language}: {t('title')}
    </p>
  );
}

describe('useFixedT', () => {
  afterEach(async () => {
    await act(() => setLanguage('en'));
  });

  it("translates in the hook's namespace, falling back to the shell's", () => {
    render(<Probe />);
    expect(screen.getByText('en: Enhanced connections')).toBeInTheDocument();
  });

  it('re-renders components already on screen when the language changes', async () => {
    render(
      <>
        <Probe />
        <StatusBadge status="ACTIVE" />
      </>,
    );
    expect(screen.getByText('ACTIVE')).toBeInTheDocument();
    await act(() => setLanguage('zh-CN'));
    expect(await screen.findByText('正常')).toBeInTheDocument();
    expect(screen.getByText(/^zh-CN: /)).not.toHaveTextContent('Enhanced connections');
  });
});
