import type { EnhancedConnection } from '@dsc/api-types';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { QueueStatusList } from './queue-status-list.tsx';

const col = createColumnHelper<EnhancedConnection>();

export function connectionColumns(
  t: TFunction<'connections'>,
): ColumnDef<EnhancedConnection, never>[] {
  return [
    col.accessor('name', {
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <span>{c.getValue()}</span>
          <span className="muted mono connection-id">{c.row.original.id}</span>
        </span>
      ),
      meta: { rowHeader: true },
    }),
    col.accessor('status', {
      header: () => t('columns.status'),
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
    col.accessor('available_queue_info', {
      header: () => t('columns.queues'),
      cell: (c) => <QueueStatusList queues={c.getValue()} />,
    }),
    col.accessor('dest_vpc_id', {
      header: () => t('columns.vpc'),
      cell: (c) => c.getValue() || <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor('dest_network_id', {
      header: () => t('columns.subnet'),
      cell: (c) => c.getValue() || <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor((c) => c.hosts.length, {
      id: 'hosts',
      header: () => t('columns.hosts'),
      meta: { className: 'num' },
    }),
    col.accessor('create_time', {
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
  ] as ColumnDef<EnhancedConnection, never>[];
}
