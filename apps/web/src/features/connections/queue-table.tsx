import type { AvailableQueueInfo } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

/** One connection's queue bindings in full: what the row's badges summarise. */
export function QueueTable({
  id,
  connectionName,
  queues,
}: {
  id: string;
  connectionName: string;
  queues: readonly AvailableQueueInfo[];
}) {
  const { t } = useTranslation('connections');
  if (queues.length === 0) {
    return (
      <p id={id} className="muted queue-table__empty">
        {t('queueTable.none', { name: connectionName })}
      </p>
    );
  }
  return (
    <table id={id} className="queue-table">
      <caption className="queue-table__caption">
        {t('queueTable.caption', { name: connectionName })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('queueTable.name')}</th>
          <th scope="col">{t('queueTable.status')}</th>
          <th scope="col">{t('queueTable.peerId')}</th>
          <th scope="col">{t('queueTable.error')}</th>
          <th scope="col">{t('queueTable.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.peer_id ?? q.name}>
            <th scope="row" className="mono">
              {q.name}
            </th>
            <td>
              <StatusBadge status={q.status} />
            </td>
            <td className="mono">{q.peer_id || <EmptyValue />}</td>
            <td className={queueStatusOf(q.status) === 'FAILED' ? 'queue-table__error' : undefined}>
              {q.err_msg || <EmptyValue />}
            </td>
            <td className="nowrap">
              <DateTime value={q.update_time} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
