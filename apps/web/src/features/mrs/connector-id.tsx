import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/copy-button.tsx';

/** A connector's ID with a button to copy it (support tickets and the MRS console ask for it). */
export function ConnectorId({ id, name, className }: { id: string; name: string; className?: string | undefined }) {
  const { t } = useTranslation('mrs');
  return (
    <span className="mrs-id-copy">
      <span className={['mono', className].filter(Boolean).join(' ')}>{id}</span>{' '}
      <CopyButton value={id} label={t('copyId', { name })} />
    </span>
  );
}
