import type { AvailableQueueInfo } from '@dsc/api-types';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { flash } from '../../lib/flash.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { lastListSearch } from './last-list-search.ts';
import { useDeleteConnection } from './mutations.ts';

export interface DeleteConnectionDialogProps {
  open: boolean;
  onClose: () => void;
  connectionId: string;
  connectionName: string;
  queues: readonly AvailableQueueInfo[];
}

/** Names what goes: the connection and every queue that loses it. On success, back to the list. */
export function DeleteConnectionDialog({ open, onClose, connectionId, connectionName, queues }: DeleteConnectionDialogProps) {
  const { t } = useTranslation('connections');
  const navigate = useNavigate();
  const del = useDeleteConnection(connectionId);

  return (
    <ConfirmDialog
      open={open}
      title={t('editor.delete.title', { name: connectionName })}
      confirmLabel={del.isPending ? t('editor.delete.deleting') : t('editor.delete.confirm')}
      cancelLabel={t('editor.dialog.cancel')}
      tone="danger"
      pending={del.isPending}
      error={del.isError ? <ErrorState error={del.error} title={t('editor.delete.failed')} /> : null}
      onCancel={() => {
        del.reset();
        onClose();
      }}
      onConfirm={() =>
        del.mutate(undefined, {
          onSuccess: () => {
            onClose();
            // Back to the view the user came from, saying what happened there.
            flash(t('editor.delete.done', { name: connectionName }), '/connections');
            void navigate({ to: '/connections', search: lastListSearch() });
          },
        })
      }
    >
      <p>
        {t('editor.delete.connection')} <strong className="mono">{connectionName}</strong>{' '}
        <span className="muted">
          ({t('editor.detail.id')} <code>{connectionId}</code>)
        </span>
      </p>
      {queues.length === 0 ? (
        <p>{t('editor.delete.noQueues')}</p>
      ) : (
        <>
          <p>{t('editor.delete.queues', { n: queues.length })}</p>
          <ul className="binding-list binding-list--boxed">
            {queues.map((q) => (
              <li key={q.peer_id ?? q.name} className="binding-list__item">
                <span className="binding-list__name">{q.name}</span>
                <StatusBadge status={q.status} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <strong>{t('editor.delete.irreversible')}</strong>
      </p>
    </ConfirmDialog>
  );
}
