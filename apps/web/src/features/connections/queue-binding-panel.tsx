import type { AvailableQueueInfo } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ActionNotice } from '../../ui/action-notice.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useNotice } from '../../ui/use-notice.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { useBindQueues, useUnbindQueues } from './mutations.ts';
import { QueueSelect } from './queue-select.tsx';

export interface QueueBindingPanelProps {
  connectionId: string;
  connectionName: string;
  queues: readonly AvailableQueueInfo[];
  /** A deleted connection can be read but not changed. */
  readOnly: boolean;
}

/** What the last bind or unbind did; an unbind can be undone by binding the queue again. */
interface BindingChange {
  kind: 'bound' | 'unbound';
  queues: string[];
}

/** The bound queues with their binding status, and (for operators) binding more or unbinding one. */
export function QueueBindingPanel({
  connectionId,
  connectionName,
  queues,
  readOnly,
}: QueueBindingPanelProps) {
  const { t } = useTranslation('connections');
  const canBind = usePermission('dli.associateQueue').allowed && !readOnly;
  const canUnbind = usePermission('dli.disassociateQueue').allowed && !readOnly;
  const bind = useBindQueues(connectionId);
  const unbind = useUnbindQueues(connectionId);
  const [selected, setSelected] = useState<string[]>([]);
  const [unbinding, setUnbinding] = useState<string | null>(null);
  const [change, say, clearChange] = useNotice<BindingChange>();
  const noticeRef = useRef<HTMLElement>(null);
  const noteChange = (kind: BindingChange['kind'], names: string[]) => say({ kind, queues: names });
  const bindNow = (names: string[], onDone?: () => void) =>
    bind.mutate(names, {
      onSuccess: () => {
        onDone?.();
        noteChange('bound', names);
      },
    });
  // After an unbind the row (and the button that opened the dialog) goes: the keyboard user lands
  // on the undo instead of the top of the page.
  const focusNoticeOnClose = useRef(false);

  return (
    <>
      <ActionNotice
        ref={noticeRef}
        messageKey={change?.id}
        message={
          change &&
          t(change.kind === 'bound' ? 'editor.detail.boundDone' : 'editor.detail.unboundDone', {
            queues: change.queues.join(', '),
            count: change.queues.length,
            name: connectionName,
          })
        }
        action={
          change?.kind === 'unbound' && canBind
            ? {
                label: t('editor.detail.bindAgain', {
                  queues: change.queues.join(', '),
                  count: change.queues.length,
                }),
                pending: bind.isPending,
                onClick: () => bindNow(change.queues),
              }
            : undefined
        }
        onDismiss={clearChange}
      />
      {queues.length === 0 ? (
        <p className="muted">{t('editor.detail.noQueues')}</p>
      ) : (
        <div className="data-table__scroll">
          <table className="data-table">
            <caption className="visually-hidden">
              {t('editor.detail.queuesCaption', { name: connectionName })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('editor.detail.queueColumns.name')}</th>
                <th scope="col">{t('editor.detail.queueColumns.status')}</th>
                <th scope="col">{t('editor.detail.queueColumns.peer')}</th>
                <th scope="col">{t('editor.detail.queueColumns.error')}</th>
                <th scope="col">{t('editor.detail.queueColumns.updated')}</th>
                {(canBind || canUnbind) && (
                  <th scope="col">
                    <span className="visually-hidden">
                      {t('editor.detail.queueColumns.actions')}
                    </span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => {
                const failed = queueStatusOf(q.status) === 'FAILED';
                return (
                  <tr key={q.peer_id ?? q.name}>
                    <th scope="row" className="mono">
                      {q.name}
                    </th>
                    <td>
                      <StatusBadge
                        status={q.status}
                        detail={failed ? q.err_msg || undefined : undefined}
                      />
                    </td>
                    <td>{q.peer_id ? <code>{q.peer_id}</code> : <EmptyValue />}</td>
                    <td>{q.err_msg ? q.err_msg : <EmptyValue />}</td>
                    <td>
                      <DateTime value={q.update_time} />
                    </td>
                    {(canBind || canUnbind) && (
                      <td className="connection-actions-cell">
                        {failed && canBind && (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={bind.isPending}
                            aria-label={t('editor.detail.retryLabel', { queue: q.name })}
                            onClick={() => bindNow([q.name])}
                          >
                            {t('editor.detail.retry')}
                          </button>
                        )}
                        {canUnbind && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('editor.detail.unbindLabel', { queue: q.name })}
                            onClick={() => {
                              unbind.reset();
                              setUnbinding(q.name);
                            }}
                          >
                            {t('editor.detail.unbind')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {canBind && (
        <form
          className="bind-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (selected.length === 0) return;
            bindNow(selected, () => setSelected([]));
          }}
        >
          <QueueSelect
            id="bind-queues"
            legend={t('editor.detail.bindLegend')}
            value={selected}
            onChange={setSelected}
            exclude={queues.map((q) => q.name)}
            disabled={bind.isPending}
          />
          <div className="bind-form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={bind.isPending || selected.length === 0}
              aria-busy={bind.isPending || undefined}
            >
              {bind.isPending
                ? t('editor.detail.binding')
                : t('editor.detail.bind', { n: selected.length })}
            </button>
            {selected.length === 0 && <span className="muted">{t('editor.detail.bindPick')}</span>}
          </div>
          {bind.isError && <ErrorState error={bind.error} title={t('editor.detail.bindFailed')} />}
        </form>
      )}

      <ConfirmDialog
        open={unbinding !== null}
        title={t('editor.detail.unbindTitle', { queue: unbinding ?? '' })}
        confirmLabel={
          unbind.isPending ? t('editor.detail.unbinding') : t('editor.detail.unbindConfirm')
        }
        cancelLabel={t('editor.dialog.cancel')}
        tone="danger"
        pending={unbind.isPending}
        error={
          unbind.isError ? (
            <ErrorState error={unbind.error} title={t('editor.detail.unbindFailed')} />
          ) : null
        }
        onCancel={() => setUnbinding(null)}
        focusOnClose={() => {
          const focusNotice = focusNoticeOnClose.current;
          focusNoticeOnClose.current = false;
          return focusNotice ? noticeRef.current : null;
        }}
        onConfirm={() => {
          const queue = unbinding;
          if (queue)
            unbind.mutate([queue], {
              onSuccess: () => {
                focusNoticeOnClose.current = true;
                setUnbinding(null);
                noteChange('unbound', [queue]);
              },
            });
        }}
      >
        <p>{t('editor.detail.unbindBody', { queue: unbinding ?? '', name: connectionName })}</p>
      </ConfirmDialog>
    </>
  );
}
