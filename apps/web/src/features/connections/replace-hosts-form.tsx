import { zodResolver } from '@hookform/resolvers/zod';
import type { Host } from '@dsc/api-types';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { UnsavedChangesGuard } from '../../ui/unsaved-changes-guard.tsx';
import { fieldMessage } from './field-message.ts';
import { HostList, hostListField } from './hosts/host-list.ts';
import { hostRowErrors } from './hosts/host-row-errors.ts';
import { diffHosts } from './hosts/hosts-diff.ts';
import { HostsDiffList } from './hosts/hosts-diff-list.tsx';
import { HostsEditor, type HostsEditorState } from './hosts/hosts-editor.tsx';
import { useReplaceHosts } from './mutations.ts';
import { serverFieldErrors } from './server-field-errors.ts';

// The catalogue's ReplaceHostsBody with the list as a HostList (see host-list.ts for why).
const FormSchema = z.strictObject({ hosts: hostListField });
type Values = z.infer<typeof FormSchema>;

export interface ReplaceHostsFormProps {
  connectionId: string;
  connectionName: string;
  current: readonly Host[];
  /** `saved`: the list now on the connection, when Save (not Cancel) closed the editor. */
  onDone: (saved?: readonly Host[]) => void;
}

/**
 * The hosts editor prefilled with the connection's hosts; saving replaces the whole list after a
 * confirmation listing what changes. Cancel (or Escape) asks before throwing edits away.
 */
export function ReplaceHostsForm({
  connectionId,
  connectionName,
  current,
  onDone,
}: ReplaceHostsFormProps) {
  const { t } = useTranslation('connections');
  const replace = useReplaceHosts(connectionId);
  const hostsState = useRef<HostsEditorState>({ reading: false, problems: 0 });
  const [pendingHosts, setPendingHosts] = useState<HostList | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [otherErrors, setOtherErrors] = useState<[string, string][]>([]);
  const [initial] = useState(() => HostList.of(current.map((h) => ({ name: h.name, ip: h.ip }))));
  const form = useForm<Values>({
    resolver: zodResolver(FormSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: { hosts: initial },
  });
  const { control, handleSubmit, setError, formState, getValues } = form;
  const diff = useMemo(
    () => (pendingHosts ? diffHosts(current, pendingHosts.items) : null),
    [current, pendingHosts],
  );
  const leaveAllowed = useRef(false);
  const dirty = useRef(formState.isDirty);
  dirty.current = formState.isDirty;
  const shouldAsk = useCallback(() => dirty.current && !leaveAllowed.current, []);
  const onHostsState = useCallback((s: HostsEditorState) => {
    hostsState.current = s;
  }, []);

  /**
   * Compared entry by entry rather than with the form's dirty flag, which sees any new list as a
   * change (host-list.ts); text still being read or holding refused lines counts as an edit too,
   * since neither has reached the list yet.
   */
  const hasEdits = (): boolean => {
    const s = hostsState.current;
    return s.reading || s.problems > 0 || !getValues('hosts').equals(initial);
  };

  const cancel = () => {
    if (replace.isPending) return;
    if (hasEdits()) setDiscarding(true);
    else onDone();
  };

  /** Escape anywhere in the editor is Cancel; a dialog's own Escape, or clearing a search box, is not. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented || discarding || pendingHosts) return;
    const target = e.target as HTMLElement;
    if (target.closest('dialog')) return;
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '')
      return;
    e.preventDefault();
    cancel();
  };

  const checkEditor = (): boolean => {
    const s = hostsState.current;
    if (s.reading) setError('hosts', { type: 'reading', message: t('editor.hosts.stillReading') });
    else if (s.problems > 0)
      setError('hosts', {
        type: 'problems',
        message: t('editor.hosts.fixProblems', { n: s.problems }),
      });
    return !s.reading && s.problems === 0;
  };

  const save = (hosts: Host[]) =>
    replace.mutate(hosts, {
      onSuccess: () => {
        leaveAllowed.current = true;
        setPendingHosts(null);
        onDone(hosts);
      },
      onError: (e) => {
        setPendingHosts(null);
        if (!isApiError(e)) return;
        const mapped = serverFieldErrors(e, (p) => p === 'hosts' || p.startsWith('hosts.'));
        mapped.onFields.forEach(([path, message]) =>
          setError(path as FieldPath<Values>, { type: 'server', message }),
        );
        setOtherErrors(mapped.other);
      },
    });

  return (
    <form
      className="replace-hosts"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) =>
        void handleSubmit(
          ({ hosts }) => {
            if (checkEditor()) setPendingHosts(hosts);
          },
          () => checkEditor(),
        )(e)
      }
    >
      <Controller
        control={control}
        name="hosts"
        render={({ field }) => (
          <HostsEditor
            id="replace-hosts"
            value={field.value}
            onChange={field.onChange}
            onStateChange={onHostsState}
            rowErrors={hostRowErrors(formState.errors.hosts)}
            listError={formState.errors.hosts?.message ?? formState.errors.hosts?.root?.message}
            showAllProblems={formState.submitCount > 0}
            disabled={replace.isPending}
          />
        )}
      />
      {replace.isError && <ErrorState error={replace.error} title={t('editor.replace.failed')} />}
      {otherErrors.length > 0 && (
        <ul className="field-error">
          {otherErrors.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code>: {fieldMessage(t, message)}
            </li>
          ))}
        </ul>
      )}
      <div className="connection-form__actions">
        <button type="submit" className="button button--primary" disabled={replace.isPending}>
          {t('editor.replace.save')}
        </button>
        <button type="button" className="button" disabled={replace.isPending} onClick={cancel}>
          {t('editor.replace.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={pendingHosts !== null}
        title={
          pendingHosts?.length === 0
            ? t('editor.replace.clearTitle', { name: connectionName })
            : t('editor.replace.confirmTitle', { name: connectionName })
        }
        confirmLabel={replace.isPending ? t('editor.replace.saving') : t('editor.replace.confirm')}
        cancelLabel={t('editor.dialog.cancel')}
        tone={pendingHosts?.length === 0 ? 'danger' : 'default'}
        pending={replace.isPending}
        onCancel={() => setPendingHosts(null)}
        onConfirm={() => pendingHosts && save(pendingHosts.toArray())}
      >
        <p>
          {pendingHosts?.length === 0
            ? t('editor.replace.clearBody', { old: current.length.toLocaleString() })
            : t('editor.replace.confirmBody', {
                old: current.length.toLocaleString(),
                n: (pendingHosts?.length ?? 0).toLocaleString(),
              })}
        </p>
        {diff && pendingHosts?.length !== 0 && <HostsDiffList diff={diff} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={discarding}
        title={t('editor.replace.discardTitle', { name: connectionName })}
        confirmLabel={t('editor.replace.discard')}
        cancelLabel={t('editor.replace.keepEditing')}
        tone="danger"
        onCancel={() => setDiscarding(false)}
        onConfirm={() => {
          leaveAllowed.current = true;
          setDiscarding(false);
          onDone();
        }}
      >
        <p>{t('editor.replace.discardBody')}</p>
      </ConfirmDialog>
      <UnsavedChangesGuard when={shouldAsk} />
    </form>
  );
}
