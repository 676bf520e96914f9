import { networkOf, parseCidr } from '@dsc/api-types/meta';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { useAddRoute } from './queries.ts';

export interface RouteDraft {
  name: string;
  cidr: string;
}

const ROUTE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** What is wrong with a CIDR, in the operator's words (with the nearest network address). */
export function cidrProblem(cidr: string): { key: string; suggestion?: string } | undefined {
  const parsed = parseCidr(cidr.trim());
  if (!('error' in parsed)) return undefined;
  if (parsed.error === 'host-bits') {
    const [ip, prefix] = cidr.trim().split('/');
    return { key: 'cidr-host-bits', suggestion: networkOf(ip!, Number(prefix)) ?? '' };
  }
  return { key: `cidr-${parsed.error}` };
}

/**
 * Adds one route after the operator confirms it; opened empty from the routes panel or with the
 * doctor's suggestion filled in.
 */
export function AddRouteDialog({
  connectionId,
  connectionName,
  draft,
  onClose,
}: {
  connectionId: string;
  connectionName: string;
  draft: RouteDraft | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('doctor');
  const add = useAddRoute(connectionId);
  const [name, setName] = useState('');
  const [cidr, setCidr] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!draft) return;
    setName(draft.name);
    setCidr(draft.cidr);
    setTouched(false);
    add.reset();
    // Only a newly opened draft resets the form (not a re-render of the mutation).
  }, [draft]);
  const nameBad = !ROUTE_NAME.test(name);
  const cidrBad = cidrProblem(cidr);
  const serverFields = add.error && 'fields' in add.error ? (add.error.fields as Record<string, string> | undefined) : undefined;
  return (
    <ConfirmDialog
      open={draft !== null}
      title={t('routes.dialogTitle', { connection: connectionName })}
      confirmLabel={add.isPending ? t('routes.adding') : t('routes.add')}
      cancelLabel={t('cancel')}
      pending={add.isPending}
      error={add.isError ? <ErrorState error={add.error} title={t('routes.addFailed')} /> : null}
      onCancel={onClose}
      onConfirm={() => {
        setTouched(true);
        if (nameBad || cidrBad) return;
        add.mutate({ name, cidr: cidr.trim() }, { onSuccess: onClose });
      }}
    >
      <p>{t('routes.dialogBody')}</p>
      <FormField
        label={t('routes.name')}
        hint={t('routes.nameHint')}
        required
        error={(touched && nameBad ? t('routes.problems.name') : undefined) ?? serverFields?.name}
      >
        {(ids) => (
          <input
            id={ids.id}
            className="input"
            value={name}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('routes.cidr')}
        hint={t('routes.cidrHint')}
        required
        error={
          (touched && cidrBad ? t(`routes.problems.${cidrBad.key}`, { suggestion: cidrBad.suggestion }) : undefined) ??
          serverFields?.cidr
        }
      >
        {(ids) => (
          <input
            id={ids.id}
            className="input mono"
            value={cidr}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            onChange={(e) => setCidr(e.target.value)}
          />
        )}
      </FormField>
    </ConfirmDialog>
  );
}
