import type { DataConnector, MrsSourceType } from '@dsc/api-types';
import { MRS_SOURCE_TYPES } from '@dsc/api-types/meta';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { newIdempotencyKey } from '../connections/mutations.ts';
import {
  connectorFormDefaults,
  connectorFormSchema,
  createConnectorFormSchema,
  FIELD_MAX,
  formFieldOfServerPath,
  toUpdateBody,
  type ConnectorField,
  type ConnectorFormInput,
  type ConnectorFormValues,
} from './connector-form.ts';
import { fieldErrorText, SERVER_ERROR } from './field-error-text.ts';
import { createDataConnector, dataConnectorKeys, updateDataConnector } from './queries.ts';
import { sourceTypeLabel } from './source-type-label.ts';

export interface DataConnectorFormProps {
  connector: DataConnector;
  /** `create` sends a new connector (the password is then required); default `edit`. */
  mode?: 'edit' | 'create';
  /** After a confirmed save, with the saved name; the page decides where to go. */
  onSaved: (name: string) => void;
  onCancel: () => void;
}

const IDENTITY_FIELDS = [
  ['db_name', 'dbName'],
  ['user_name', 'userName'],
] as const;

export function DataConnectorForm({ connector, mode = 'edit', onSaved, onCancel }: DataConnectorFormProps) {
  const { t } = useTranslation('mrs');
  const queryClient = useQueryClient();
  const storedType = connector.source_type;
  const [pendingType, setPendingType] = useState<MrsSourceType | undefined>();
  const [unplaced, setUnplaced] = useState<[string, string][]>([]);
  const leaving = useRef(false);
  const dirty = useRef(false);

  const form = useForm<ConnectorFormInput, unknown, ConnectorFormValues>({
    resolver: zodResolver(mode === 'create' ? createConnectorFormSchema : connectorFormSchema),
    defaultValues: connectorFormDefaults(connector),
    mode: 'onTouched',
  });
  const { errors, isDirty } = form.formState;
  dirty.current = isDirty;

  // One key per form: a repeated create (a retry after a lost answer) cannot create twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const mutation = useMutation({
    mutationFn: (values: ConnectorFormValues): Promise<unknown> =>
      mode === 'create'
        ? createDataConnector(toUpdateBody(values), idempotencyKey)
        : updateDataConnector(connector.connector_id, toUpdateBody(values)),
    onMutate: () => setUnplaced([]),
    onSuccess: async (_r, values) => {
      leaving.current = true;
      await queryClient.invalidateQueries({ queryKey: dataConnectorKeys.all });
      onSaved(values.connector_name);
    },
    onError: (error) => {
      if (!isApiError(error) || !error.fields) return;
      const rest: [string, string][] = [];
      for (const [path, message] of Object.entries(error.fields)) {
        const field = formFieldOfServerPath(path);
        if (field) form.setError(field, { type: SERVER_ERROR, message }, { shouldFocus: true });
        else rest.push([path, message]);
      }
      setUnplaced(rest);
    },
  });

  const currentType = form.watch('source_type') || storedType;
  const err = (field: ConnectorField) => fieldErrorText(t, field, errors[field]);
  const submitError = mutation.error;
  const resultFailed = isApiError(submitError) && submitError.code === 'UPSTREAM_RESULT_FAILED';

  return (
    <form
      className="connector-form"
      noValidate
      aria-label={mode === 'create' ? t('create.title') : t('edit.title')}
      onSubmit={(e) => void form.handleSubmit((values) => mutation.mutate(values))(e)}
    >
      <UnsavedChangesGuard when={() => dirty.current && !leaving.current} />
      {submitError && (
        <ErrorState
          error={submitError}
          title={resultFailed ? t('edit.resultFailedTitle') : t('edit.failedTitle')}
        />
      )}
      {unplaced.length > 0 && (
        <div role="alert">
          <p>{t('edit.serverFieldsTitle')}</p>
          <ul className="server-fields">
            {unplaced.map(([path, message]) => (
              <li key={path}>
                <code>{path}</code>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset disabled={mutation.isPending}>
        <legend>{t('edit.sections.connector')}</legend>
        <FormField
          label={t('edit.fields.connectorName')}
          hint={t('edit.hints.connectorName')}
          error={err('connector_name')}
          required
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input mono"
              autoComplete="off"
              maxLength={FIELD_MAX.connector_name}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...form.register('connector_name')}
            />
          )}
        </FormField>
        <FormField label={t('edit.fields.sourceType')} error={err('source_type')} required>
          {({ id, describedBy, invalid }) => (
            <Controller
              control={form.control}
              name="source_type"
              render={({ field }) => (
                <select
                  id={id}
                  ref={field.ref}
                  name={field.name}
                  className="select"
                  value={field.value}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  onBlur={field.onBlur}
                  onChange={(e) => {
                    const next = MRS_SOURCE_TYPES.find((s) => s === e.target.value);
                    if (!next || next === field.value) return;
                    // The database behind the connector changes: ask before leaving the stored type.
                    if (mode === 'edit' && next !== storedType) setPendingType(next);
                    else field.onChange(next);
                  }}
                >
                  {!field.value && <option value="">{t('edit.chooseType')}</option>}
                  {MRS_SOURCE_TYPES.map((s) => (
                    <option key={s} value={s}>
                      {sourceTypeLabel(s)}
                    </option>
                  ))}
                </select>
              )}
            />
          )}
        </FormField>
      </fieldset>
      <fieldset disabled={mutation.isPending}>
        <legend>{t('edit.sections.database')}</legend>
        {IDENTITY_FIELDS.map(([name, key]) => (
          <FormField
            key={name}
            label={t(`edit.fields.${key}`)}
            hint={t(`edit.hints.${key}`)}
            error={err(name)}
            required
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input mono"
                autoComplete="off"
                maxLength={FIELD_MAX[name]}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...form.register(name)}
              />
            )}
          </FormField>
        ))}
        <FormField
          label={t('edit.fields.password')}
          hint={mode === 'create' ? t('create.passwordHint') : t('edit.hints.password')}
          error={err('password')}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="password"
              className="input"
              // The stored password is never shown (it comes back masked); the browser must not fill one in.
              autoComplete="new-password"
              maxLength={FIELD_MAX.password}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...form.register('password')}
            />
          )}
        </FormField>
        <FormField
          label={t('edit.fields.rdsInstanceId')}
          hint={t('edit.hints.rdsInstanceId')}
          error={err('rds_instance_id')}
          required
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input mono"
              autoComplete="off"
              maxLength={FIELD_MAX.rds_instance_id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...form.register('rds_instance_id')}
            />
          )}
        </FormField>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={mutation.isPending}
          aria-busy={mutation.isPending || undefined}
        >
          {mutation.isPending ? t('edit.saving') : mode === 'create' ? t('create.submit') : t('edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={pendingType !== undefined}
        title={t('edit.typeChange.title')}
        confirmLabel={t('edit.typeChange.confirm', { to: sourceTypeLabel(pendingType ?? '') })}
        cancelLabel={t('edit.typeChange.cancel', { from: sourceTypeLabel(currentType) })}
        onConfirm={() => {
          if (pendingType) {
            form.setValue('source_type', pendingType, { shouldDirty: true, shouldValidate: true });
          }
          setPendingType(undefined);
        }}
        onCancel={() => setPendingType(undefined)}
      >
        <p>
          {t('edit.typeChange.body', {
            from: sourceTypeLabel(currentType),
            to: sourceTypeLabel(pendingType ?? ''),
          })}
        </p>
      </ConfirmDialog>
    </form>
  );
}
