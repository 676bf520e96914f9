import type { AvailableQueueInfo } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { useFixedT } from '../../lib/use-fixed-t.ts';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

/** Each bound queue with its binding status as text; a failed binding says why on hover or focus. */
export function QueueStatusList({ queues }: { queues: readonly AvailableQueueInfo[] }) {
  const { t } = useFixedT('connections');
  if (queues.length === 0) return <EmptyValue />;
  return (
    <ul className="queue-list">
      {queues.map((q) => {
        const failed = queueStatusOf(q.status) === 'FAILED';
        return (
          <li key={q.peer_id ?? q.name} className="queue-list__item">
            <span className="queue-list__name">{q.name}</span>
            <StatusBadge
              status={q.status}
              detail={failed ? q.err_msg || t('queues.failedNoReason') : undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}
