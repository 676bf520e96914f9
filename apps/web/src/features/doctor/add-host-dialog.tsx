import type { Host } from '@dsc/api-types';
import { IPV4 } from '@dsc/api-types/meta';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { useReplaceHosts } from '../connections/mutations.ts';

/** The doctor's "add host" fix: appends one name → IP to the connection's hosts after confirming. */
export function AddHostDialog({
  connectionId,
  connectionName,
  hosts,
  host,
  onClose,
}: {
  connectionId: string;
  connectionName: string;
  hosts: readonly Host[];
  host: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('doctor');
  const replace = useReplaceHosts(connectionId);
  const [ip, setIp] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    setIp('');
    setTouched(false);
    replace.reset();
  }, [host]);
  const bad = !IPV4.test(ip.trim());
  return (
    <ConfirmDialog
      open={host !== null}
      title={t('hostDialog.title', { host: host ?? '', connection: connectionName })}
      confirmLabel={replace.isPending ? t('hostDialog.saving') : t('hostDialog.confirm')}
      cancelLabel={t('cancel')}
      pending={replace.isPending}
      error={replace.isError ? <ErrorState error={replace.error} title={t('hostDialog.failed')} /> : null}
      onCancel={onClose}
      onConfirm={() => {
        setTouched(true);
        if (bad || !host) return;
        replace.mutate([...hosts, { name: host, ip: ip.trim() }], { onSuccess: onClose });
      }}
    >
      <p>{t('hostDialog.body', { host: host ?? '' })}</p>
      <FormField label={t('hostDialog.name')}>
        {(ids) => <input id={ids.id} className="input mono" value={host ?? ''} readOnly />}
      </FormField>
      <FormField label={t('hostDialog.ip')} required error={touched && bad ? t('hostDialog.ipProblem') : undefined}>
        {(ids) => (
          <input
            id={ids.id}
            className="input mono"
            value={ip}
            inputMode="decimal"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            onChange={(e) => setIp(e.target.value)}
          />
        )}
      </FormField>
    </ConfirmDialog>
  );
}
