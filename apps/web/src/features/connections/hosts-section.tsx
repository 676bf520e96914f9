import type { Host } from '@dsc/api-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ActionNotice } from '../../ui/action-notice.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useNotice } from '../../ui/use-notice.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { HostsTable } from './hosts/hosts-table.tsx';
import { useReplaceHosts } from './mutations.ts';
import { ReplaceHostsForm } from './replace-hosts-form.tsx';

export interface HostsSectionProps {
  connectionId: string;
  connectionName: string;
  hosts: readonly Host[];
  readOnly: boolean;
}

/** What the last save did, and the list before it: replacing the hosts again with it undoes the save. */
interface HostsChange {
  kind: 'saved' | 'cleared' | 'restored';
  count: number;
  previous: readonly Host[];
}

/** The hosts table, and for operators: edit (replace the list) or remove them all, with undo. */
export function HostsSection({ connectionId, connectionName, hosts, readOnly }: HostsSectionProps) {
  const { t } = useTranslation('connections');
  const canReplace = usePermission('dli.replaceHosts').allowed && !readOnly;
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const clear = useReplaceHosts(connectionId);
  const restore = useReplaceHosts(connectionId);
  const [change, say, clearChange] = useNotice<HostsChange>();
  const hostsAtEdit = useRef(hosts);
  const noteChange = (kind: HostsChange['kind'], count: number, previous: readonly Host[]) =>
    say({ kind, count, previous });
  const editButton = useRef<HTMLButtonElement>(null);
  const editorBox = useRef<HTMLDivElement>(null);
  // Opening and closing the editor replaces the control that had focus: carry focus into the
  // editor, and back to "Edit hosts" on Save or Cancel, instead of dropping it to the page's top.
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current === editing) return;
    wasEditing.current = editing;
    if (editing) editorBox.current?.querySelector<HTMLElement>('textarea, input, button')?.focus();
    else editButton.current?.focus();
  }, [editing]);

  return (
    <section aria-labelledby="hosts-heading" className="detail-section">
      <div className="detail-section__header">
        <h2 id="hosts-heading" className="section-title">
          {t('editor.detail.hostsTitle', { n: hosts.length.toLocaleString() })}
        </h2>
        {canReplace && !editing && (
          <div className="detail-section__actions">
            <button
              ref={editButton}
              type="button"
              className="button"
              onClick={() => {
                hostsAtEdit.current = hosts;
                setEditing(true);
              }}
            >
              {t('editor.replace.edit')}
            </button>
            {hosts.length > 0 && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  clear.reset();
                  setClearing(true);
                }}
              >
                {t('editor.replace.clear')}
              </button>
            )}
          </div>
        )}
      </div>
      <ActionNotice
        messageKey={change?.id}
        message={
          change &&
          t(`editor.replace.${change.kind}Done`, { count: change.count, name: connectionName })
        }
        action={
          change && change.kind !== 'restored' && canReplace
            ? {
                label: t('editor.replace.undo', { count: change.previous.length }),
                pending: restore.isPending,
                onClick: () => {
                  const previous = change.previous;
                  restore.mutate([...previous], {
                    onSuccess: () => noteChange('restored', previous.length, []),
                  });
                },
              }
            : undefined
        }
        onDismiss={clearChange}
      />
      {restore.isError && <ErrorState error={restore.error} title={t('editor.replace.failed')} />}
      {editing ? (
        <div ref={editorBox}>
          <ReplaceHostsForm
            connectionId={connectionId}
            connectionName={connectionName}
            current={hosts}
            onDone={(saved) => {
              setEditing(false);
              // `current` is the list the editor started from: the one an undo puts back.
              if (saved) noteChange('saved', saved.length, hostsAtEdit.current);
            }}
          />
        </div>
      ) : (
        <HostsTable
          hosts={hosts}
          caption={t('editor.detail.hostsCaption', { name: connectionName })}
        />
      )}
      <ConfirmDialog
        open={clearing}
        title={t('editor.replace.clearTitle', { name: connectionName })}
        confirmLabel={clear.isPending ? t('editor.replace.saving') : t('editor.replace.clear')}
        cancelLabel={t('editor.dialog.cancel')}
        tone="danger"
        pending={clear.isPending}
        error={
          clear.isError ? (
            <ErrorState error={clear.error} title={t('editor.replace.failed')} />
          ) : null
        }
        onCancel={() => setClearing(false)}
        onConfirm={() => {
          const before = hosts;
          clear.mutate([], {
            onSuccess: () => {
              setClearing(false);
              noteChange('cleared', before.length, before);
            },
          });
        }}
      >
        <p>{t('editor.replace.clearBody', { old: hosts.length.toLocaleString() })}</p>
      </ConfirmDialog>
    </section>
  );
}
