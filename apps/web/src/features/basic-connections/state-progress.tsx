import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { statusTone } from '../../ui/status-badge.tsx';

/** `process` (0.0–1.0) as a bar coloured like the state it belongs to. */
export function StateProgress({ state, process }: { state: string; process: number }) {
  const { t } = useTranslation('basic-connections');
  const tone = statusTone(state);
  return (
    <ProgressBar
      fraction={process}
      label={t('field.progress')}
      tone={tone === 'warning' ? 'neutral' : tone}
    />
  );
}
