import type { AuditOutcome } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import type { StatusTone } from '../../ui/status-badge.tsx';
import '../../ui/status-badge.css';

const TONE: Record<AuditOutcome, StatusTone> = {
  success: 'success',
  failure: 'danger',
  denied: 'warning',
  invalid: 'neutral',
};

/** The outcome as a word with a colour, never the colour alone. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation('audit');
  return (
    <span className="status-badge" data-tone={TONE[outcome]}>
      <span className="status-badge__dot" aria-hidden="true" />
      {t(`outcomes.${outcome}`)}
    </span>
  );
}
