import type { ExtDataSource } from '@dsc/api-types';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { dwsKeys, reconfigureExtDataSource } from './queries.ts';
import {
  AGENCY_MAX,
  CONFIRM_MISMATCH,
  reconfigureFormSchema,
  toReconfigureBody,
  type ReconfigureFormInput,
  type ReconfigureFormValues,
} from './reconfigure-form.ts';

export interface ReconfigureDialogProps {
  clusterId: string;
  clusterName: string;
  source: ExtDataSource;
  /** Opened from "Reconfigure with reboot": the switch starts on. */
  reboot: boolean;
  onClose: () => void;
  onStarted: (jobId: string) => void;
}

/** OBS and LakeFormation sources authenticate with an agency; an MRS source's user is not one. */
function currentAgency(source: ExtDataSource): string {
  return source.type.toUpperCase() === 'MRS' ? '' : (source.user_name ?? '');
}

export function ReconfigureDialog({
  clusterId,
  clusterName,
  source,
  reboot,
  onClose,
  onStarted,
}: ReconfigureDialogProps) {
  const { t } = useTranslation('dws');
  const queryClient = useQueryClient();
  const schema = useMemo(() => reconfigureFormSchema(clusterName), [clusterName]);
  const form = useForm<ReconfigureFormInput, unknown, ReconfigureFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { agency: currentAgency(source), reboot, confirmName: '' },
    mode: 'onSubmit',
  });
  const rebootOn = form.watch('reboot');
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (v: ReconfigureFormValues) =>
      reconfigureExtDataSource(clusterId, source.id, toReconfigureBody(v)),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: dwsKeys.sources(clusterId) });
      onStarted(r.job_id);
    },
    onError: (error) => {
      const fields = isApiError(error) ? error.fields : undefined;
      for (const [path, message] of Object.entries(fields ?? {})) {
        const field = path.replace(/^reconfigure\./, '');
        if (field === 'agency' || field === 'reboot') form.setError(field, { type: 'server', message });
      }
    },
  });

  const agencyError = (() => {
    const e = errors.agency;
    if (!e) return undefined;
    if (e.type === 'server') return t('reconfigure.serverRefused', { message: e.message ?? '' });
    if (e.type === 'too_big') return t('reconfigure.agencyTooLong', { max: AGENCY_MAX ?? '' });
    return t('reconfigure.agencyPattern');
  })();
  const confirmError =
    errors.confirmName?.message === CONFIRM_MISMATCH
      ? t('reconfigure.confirmMismatch', { name: clusterName })
      : undefined;

  return (
    <ModalDialog
      title={t('reconfigure.title', { name: source.name })}
      onClose={() => {
        if (!mutation.isPending) onClose();
      }}
      className="modal-dialog--wide"
    >
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)}
        aria-label={t('reconfigure.title', { name: source.name })}
      >
        {mutation.error && (
          <ErrorState error={mutation.error} title={t('reconfigure.failedTitle')} />
        )}
        <fieldset className="plain-fieldset" disabled={mutation.isPending}>
          <FormField
            label={t('reconfigure.agency')}
            hint={t('reconfigure.agencyHint')}
            error={agencyError}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input mono"
                autoComplete="off"
                maxLength={AGENCY_MAX}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...form.register('agency')}
              />
            )}
          </FormField>
          <div className="form-field">
            <label className="switch">
              <input type="checkbox" role="switch" {...form.register('reboot')} />
              <span>{t('reconfigure.reboot')}</span>
            </label>
            <p className="form-field__hint">
              {rebootOn ? t('reconfigure.rebootOnHint') : t('reconfigure.rebootOffHint')}
            </p>
          </div>
          {rebootOn && (
            <div className="reboot-warning" role="note">
              <p>
                <strong>{t('reconfigure.rebootWarningTitle', { name: clusterName })}</strong>
              </p>
              <p>{t('reconfigure.rebootWarning')}</p>
              <FormField
                label={t('reconfigure.confirmLabel', { name: clusterName })}
                error={confirmError}
                required
              >
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    className="input mono"
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    {...form.register('confirmName')}
                  />
                )}
              </FormField>
            </div>
          )}
        </fieldset>
        <div className="confirm-dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            {t('reconfigure.cancel')}
          </button>
          <button
            type="submit"
            className={rebootOn ? 'button button--danger' : 'button button--primary'}
            disabled={mutation.isPending}
            aria-busy={mutation.isPending || undefined}
          >
            {mutation.isPending
              ? t('reconfigure.submitting')
              : rebootOn
                ? t('reconfigure.submitReboot')
                : t('reconfigure.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
