import type { BodyOf, ExtDataSource } from '@dsc/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadApiSchemas } from '../../lib/api-schemas.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { createExtDataSource, deleteExtDataSource, dwsKeys } from './queries.ts';

type CreateBody = BodyOf<'dws.createExtDataSource'>;
const TYPES = ['OBS', 'LAKE_FORMATION', 'MRS'] as const;
type Draft = Record<'data_source_name' | 'user_name' | 'data_source_id' | 'user_pwd' | 'connect_info' | 'description', string>;
const EMPTY: Draft = { data_source_name: '', user_name: '', data_source_id: '', user_pwd: '', connect_info: '', description: '' };

/** The create body from the form: only the fields the chosen type takes, empty ones left out. */
export function toCreateBody(type: CreateBody['type'], d: Draft): CreateBody {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    type,
    data_source_name: d.data_source_name.trim(),
    user_name: d.user_name.trim(),
    ...(type === 'MRS' && opt(d.data_source_id) ? { data_source_id: d.data_source_id.trim() } : {}),
    ...(type === 'MRS' && d.user_pwd ? { user_pwd: d.user_pwd } : {}),
    ...(type === 'OBS' && opt(d.connect_info) ? { connect_info: d.connect_info.trim() } : {}),
    ...(opt(d.description) ? { description: d.description.trim() } : {}),
  };
}

/**
 * A new external data source; DWS answers with a job, which the page then follows exactly as a
 * reconfigure's. Checked with the catalogue's own schema before anything is sent.
 */
export function CreateSourceDialog({
  clusterId,
  clusterName,
  onClose,
  onStarted,
}: {
  clusterId: string;
  clusterName: string;
  onClose: () => void;
  onStarted: (jobId: string, name: string) => void;
}) {
  const { t } = useTranslation('dws');
  const queryClient = useQueryClient();
  const [type, setType] = useState<CreateBody['type']>('OBS');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: CreateBody) => createExtDataSource(clusterId, body),
    onSuccess: (r, body) => {
      void queryClient.invalidateQueries({ queryKey: dwsKeys.sources(clusterId) });
      onStarted(r.job_id, body.data_source_name);
    },
  });
  const field = (key: keyof Draft, opts: { type?: string; required?: boolean } = {}) => (
    <FormField label={t(`create.fields.${key}`)} required={opts.required} error={errors[key]}>
      {(ids) => (
        <input
          id={ids.id}
          className="input"
          type={opts.type ?? 'text'}
          autoComplete={opts.type === 'password' ? 'new-password' : 'off'}
          value={draft[key]}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </FormField>
  );
  return (
    <ModalDialog title={t('create.title', { cluster: clusterName })} onClose={onClose} className="modal-dialog--wide">
      <form
        className="dws-create-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = toCreateBody(type, draft);
          void loadApiSchemas().then(({ CreateExtDataSourceBody }) => {
            const parsed = CreateExtDataSourceBody.safeParse(body);
            if (!parsed.success) {
              const next: Record<string, string> = {};
              for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= t('create.fieldProblem', { problem: issue.message });
              setErrors(next);
              return;
            }
            setErrors({});
            mutation.mutate(body);
          });
        }}
      >
        <FormField label={t('create.fields.type')} required>
          {(ids) => (
            <select id={ids.id} className="select" value={type} onChange={(e) => setType(e.target.value as CreateBody['type'])}>
              {TYPES.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {field('data_source_name', { required: true })}
        {field('user_name', { required: true })}
        {type === 'MRS' && field('data_source_id', { required: true })}
        {type === 'MRS' && field('user_pwd', { type: 'password', required: true })}
        {type === 'OBS' && field('connect_info')}
        {field('description')}
        {mutation.isError && <ErrorState error={mutation.error} title={t('create.failed')} />}
        <div className="confirm-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
            {mutation.isPending ? t('create.creating') : t('create.submit')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Deletes one source after confirming; DWS answers with a job, followed like the others. */
export function DeleteSourceDialog({
  clusterId,
  source,
  onClose,
  onStarted,
}: {
  clusterId: string;
  source: ExtDataSource;
  onClose: () => void;
  onStarted: (jobId: string) => void;
}) {
  const { t } = useTranslation('dws');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteExtDataSource(clusterId, source.id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: dwsKeys.sources(clusterId) });
      onStarted(r.job_id);
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('delete.title', { name: source.name })}
      confirmLabel={mutation.isPending ? t('delete.deleting') : t('delete.confirm')}
      cancelLabel={t('create.cancel')}
      tone="danger"
      pending={mutation.isPending}
      error={mutation.isError ? <ErrorState error={mutation.error} title={t('delete.failed')} /> : null}
      onCancel={onClose}
      onConfirm={() => mutation.mutate()}
    >
      <p>{t('delete.body', { name: source.name, type: source.type })}</p>
    </ConfirmDialog>
  );
}
