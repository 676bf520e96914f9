import type { DataConnector } from '@dsc/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { dataConnectorKeys, deleteDataConnector } from './queries.ts';

/** Deletes one data connector after the operator confirms, naming the clusters that use it. */
export function DeleteDataConnectorDialog({ connector, onClose }: { connector: DataConnector | null; onClose: () => void }) {
  const { t } = useTranslation('mrs');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (id: string) => deleteDataConnector(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dataConnectorKeys.all });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open={connector !== null}
      title={t('delete.title', { name: connector?.connector_name ?? '' })}
      confirmLabel={mutation.isPending ? t('delete.deleting') : t('delete.confirm')}
      cancelLabel={t('edit.cancel')}
      tone="danger"
      pending={mutation.isPending}
      error={mutation.isError ? <ErrorState error={mutation.error} title={t('delete.failed')} /> : null}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      onConfirm={() => connector && mutation.mutate(connector.connector_id)}
    >
      <p>{t('delete.body', { name: connector?.connector_name ?? '' })}</p>
      {connector?.used_clusters && <p>{t('delete.usedBy', { clusters: connector.used_clusters })}</p>}
    </ConfirmDialog>
  );
}
