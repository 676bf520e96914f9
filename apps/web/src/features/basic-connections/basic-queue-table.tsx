import type { BasicConnection } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import '../../ui/data-table.css';

type BasicQueue = BasicConnection['available_queue_info'][number];

/** Each queue's link to the connection: here the queue item has `uuid` where enhanced has `peer_id`. */
export function BasicQueueTable({ queues }: { queues: readonly BasicQueue[] }) {
  const { t } = useTranslation('basic-connections');
  if (queues.length === 0) return <p className="muted">{t('queues.none')}</p>;
  return (
    <div className="data-table__scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('queues.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queues.name')}</th>
            <th scope="col">{t('queues.status')}</th>
            <th scope="col">{t('queues.uuid')}</th>
            <th scope="col">{t('queues.error')}</th>
            <th scope="col">{t('queues.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q, i) => (
            <tr key={q.uuid ?? `${q.name}-${i}`}>
              <th scope="row" className="mono">
                {q.name}
              </th>
              <td>
                <StatusBadge status={q.status} />
              </td>
              <td className="mono">{q.uuid || <EmptyValue />}</td>
              <td className={q.err_msg ? 'queue-error' : undefined}>
                {q.err_msg || <EmptyValue />}
              </td>
              <td className="nowrap">
                <DateTime value={q.update_time} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
