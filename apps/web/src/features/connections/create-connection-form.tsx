import { zodResolver } from '@hookform/resolvers/zod';
import { CreateEnhancedConnectionBody } from '@dsc/api-types';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useRef, useState, type InputHTMLAttributes, type Ref } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../lib/api-error.ts';
import { flash } from '../../lib/flash.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { fieldMessage } from './field-message.ts';
import { HostList, hostListField } from './hosts/host-list.ts';
import { hostRowErrors } from './hosts/host-row-errors.ts';
import { HostsEditor, type HostsEditorState } from './hosts/hosts-editor.tsx';
import { newIdempotencyKey, useCreateConnection } from './mutations.ts';
import { QueueSelect } from './queue-select.tsx';
import { serverFieldErrors } from './server-field-errors.ts';
import { duplicateTagKeys, TagsEditor } from './tags-editor.tsx';
import { lastListSearch } from './last-list-search.ts';

// The catalogue's body, except that the hosts are a HostList: checked by the same `Hosts` schema
// (once per list, usually in the worker that read them) and never deep-copied by the form.
const FormSchema = CreateEnhancedConnectionBody.extend({ hosts: hostListField.optional() });
type Input = z.input<typeof FormSchema>;
type Body = z.output<typeof FormSchema>;

const DEFAULTS: Input = {
  name: '',
  dest_vpc_id: '',
  dest_network_id: '',
  routetable_id: undefined,
  queues: [],
  tags: [],
  hosts: HostList.empty,
};

const NAME_MAX = 64;

/**
 * The create form: the catalogue's own schema validates it (the BFF uses the same one), server
 * field errors land on their fields, and a failed create keeps everything typed.
 */
export function CreateConnectionForm() {
  const { t } = useTranslation('connections');
  const navigate = useNavigate();
  const create = useCreateConnection();
  // One key per form: a resend of the same submission (lost answer, double click) is recognisable.
  const idempotencyKey = useRef(newIdempotencyKey());
  const hostsState = useRef<HostsEditorState>({ reading: false, problems: 0 });
  const [otherFieldErrors, setOtherFieldErrors] = useState<[string, string][]>([]);

  const form = useForm<Input, unknown, Body>({
    resolver: zodResolver(FormSchema),
    // Errors appear on submit and then follow every change; none on blur, whose message would
    // push the submit button away between mouse-down and mouse-up and swallow the click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: DEFAULTS,
  });
  const { register, control, handleSubmit, setError, formState, watch, trigger } = form;
  const { errors, isDirty, submitCount } = formState;
  // Read when the user tries to leave; a successful create navigates away on purpose.
  const leaveAllowed = useRef(false);
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  const shouldAsk = useCallback(() => dirty.current && !leaveAllowed.current, []);
  const nameLength = watch('name').length;

  const onHostsState = useCallback((s: HostsEditorState) => {
    hostsState.current = s;
  }, []);

  /** Rules the schema cannot express (unique tag keys, the hosts text being fully read and clean). */
  const checkExtra = (values: Input): boolean => {
    let ok = true;
    for (const [row, first] of duplicateTagKeys(values.tags)) {
      setError(`tags.${row}.key`, {
        type: 'duplicate',
        message: t('editor.tags.duplicate', { row: first + 1 }),
      });
      ok = false;
    }
    const hosts = hostsState.current;
    if (hosts.reading) {
      setError('hosts', { type: 'reading', message: t('editor.hosts.stillReading') });
      ok = false;
    } else if (hosts.problems > 0) {
      setError('hosts', {
        type: 'problems',
        message: t('editor.hosts.fixProblems', { n: hosts.problems }),
      });
      ok = false;
    }
    return ok;
  };

  const onValid = (body: Body) => {
    if (!checkExtra(body)) return;
    setOtherFieldErrors([]);
    create.mutate(
      { body: requestBody(body), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (r) => {
          leaveAllowed.current = true;
          // Said on the page it leads to, once the navigation is done (a flash belongs to one page).
          void navigate({
            to: '/connections/$connectionId',
            params: { connectionId: r.connection_id },
          }).then(() => flash(t('editor.create.done', { name: body.name })));
        },
        onError: (e) => {
          if (!isApiError(e)) return;
          const mapped = serverFieldErrors(e);
          mapped.onFields.forEach(([path, message], i) =>
            setError(
              path as FieldPath<Input>,
              { type: 'server', message },
              { shouldFocus: i === 0 },
            ),
          );
          setOtherFieldErrors(mapped.other);
          // A 4xx answer proves nothing was created: the corrected form is a new submission.
          if (e.status >= 400 && e.status < 500) idempotencyKey.current = newIdempotencyKey();
        },
      },
    );
  };

  const nameError = fieldMessage(t, errors.name?.message);
  const vpcError = fieldMessage(t, errors.dest_vpc_id?.message);
  const subnetError = fieldMessage(t, errors.dest_network_id?.message);
  const routeError = fieldMessage(t, errors.routetable_id?.message);

  return (
    <form
      className="connection-form"
      noValidate
      aria-describedby="create-connection-required"
      onSubmit={(e) => void handleSubmit(onValid, () => checkExtra(form.getValues()))(e)}
    >
      <p id="create-connection-required" className="muted">
        {t('editor.create.required')}
      </p>
      <fieldset className="connection-form__section">
        <legend>{t('editor.create.basics')}</legend>
        <div className="field">
          <label htmlFor="connection-name">{t('editor.fields.name')} *</label>
          <input
            id="connection-name"
            className="input connection-form__input"
            autoComplete="off"
            spellCheck={false}
            aria-required="true"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`connection-name-hint${nameError ? ' connection-name-error' : ''}`}
            // The name's rules are checked from the first keystroke: a bad character shows at once.
            {...register('name', { onChange: () => void trigger('name') })}
          />
          <span id="connection-name-hint" className="field-hint">
            {t('editor.fields.nameHint', { max: NAME_MAX })}{' '}
            <span className="field-hint__count">
              {t('editor.fields.charCount', { n: nameLength, max: NAME_MAX })}
            </span>
          </span>
          {nameError && (
            <span id="connection-name-error" className="field-error">
              {nameError}
            </span>
          )}
        </div>
        <div className="connection-form__row">
          <TextField
            id="connection-vpc"
            label={`${t('editor.fields.vpc')} *`}
            hint={t('editor.fields.vpcHint')}
            error={vpcError}
            required
            {...register('dest_vpc_id')}
          />
          <TextField
            id="connection-subnet"
            label={`${t('editor.fields.subnet')} *`}
            hint={t('editor.fields.subnetHint')}
            error={subnetError}
            required
            {...register('dest_network_id')}
          />
        </div>
        <TextField
          id="connection-routetable"
          label={t('editor.fields.routeTable')}
          hint={t('editor.fields.routeTableHint')}
          error={routeError}
          {...register('routetable_id', {
            setValueAs: (v: string) => (v.trim() === '' ? undefined : v),
          })}
        />
      </fieldset>

      <section className="connection-form__section" aria-labelledby="connection-queues-heading">
        <h2 id="connection-queues-heading" className="visually-hidden">
          {t('editor.fields.queues')}
        </h2>
        <Controller
          control={control}
          name="queues"
          render={({ field }) => (
            <QueueSelect
              id="connection-queues"
              legend={t('editor.fields.queues')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.queues?.message ?? errors.queues?.root?.message}
            />
          )}
        />
      </section>

      <fieldset className="connection-form__section">
        <legend>{t('editor.fields.tags')}</legend>
        <TagsEditor
          id="connection-tags"
          control={control}
          register={register}
          errors={errors.tags}
        />
      </fieldset>

      <fieldset className="connection-form__section">
        <legend>{t('editor.fields.hosts')}</legend>
        <Controller
          control={control}
          name="hosts"
          render={({ field }) => (
            <HostsEditor
              id="connection-hosts"
              value={field.value ?? HostList.empty}
              onChange={field.onChange}
              onStateChange={onHostsState}
              rowErrors={hostRowErrors(errors.hosts)}
              listError={errors.hosts?.message ?? errors.hosts?.root?.message}
              showAllProblems={submitCount > 0}
            />
          )}
        />
      </fieldset>

      {create.isError && <ErrorState error={create.error} title={t('editor.create.failed')} />}
      {otherFieldErrors.length > 0 && (
        <ul className="field-error connection-form__other-errors">
          {otherFieldErrors.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code>: {fieldMessage(t, message)}
            </li>
          ))}
        </ul>
      )}
      {/* Only while the marks come from this form's own checks: once the service has answered
          (a taken name, a refused queue), the request was sent and the error above says why. */}
      {submitCount > 0 &&
        Object.keys(errors).length > 0 &&
        !create.isPending &&
        !create.isError && (
          <p className="field-error" role="alert">
            {t('editor.create.fixErrors')}
          </p>
        )}

      <div className="connection-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          aria-busy={create.isPending || undefined}
        >
          {create.isPending ? t('editor.create.submitting') : t('editor.create.submit')}
        </button>
        <Link to="/connections" search={lastListSearch()} className="button">
          {t('editor.create.cancel')}
        </Link>
      </div>
      <UnsavedChangesGuard when={shouldAsk} />
    </form>
  );
}

/** The request body; empty optional lists are left out: the request says only what the user chose. */
function requestBody({ hosts, ...rest }: Body): CreateEnhancedConnectionBody {
  const out: CreateEnhancedConnectionBody = { ...rest };
  if (hosts?.length) out.hosts = hosts.toArray();
  if (!out.queues?.length) delete out.queues;
  if (!out.tags?.length) delete out.tags;
  if (!out.elastic_resource_pools?.length) delete out.elastic_resource_pools;
  return out;
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

function TextField({ id, label, hint, error, required, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input connection-form__input"
        autoComplete="off"
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        {...input}
      />
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
