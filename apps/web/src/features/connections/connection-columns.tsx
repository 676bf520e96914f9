import type { ConnectionRow } from '@dsc/api-types';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CopyButton } from '../../ui/copy-button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ExpandButton } from './expand-button.tsx';
import { SelectCell } from './bulk/selection-context.tsx';
import { QueueStatusList } from './queue-status-list.tsx';

const col = createColumnHelper<ConnectionRow>();

/** Columns a user may hide; the expander and the name always stay. */
export const HIDEABLE_COLUMNS = ['status', 'queues', 'created', 'network', 'hosts', 'tags'] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

/** Shown until the user chooses otherwise. */
export const DEFAULT_COLUMN_VISIBILITY: Record<HideableColumn, boolean> = {
  status: true,
  queues: true,
  created: true,
  network: true,
  hosts: true,
  tags: false,
};

function IdWithCopy({ kind, value, label }: { kind: string; value: string; label: string }) {
  return (
    <span className="copyable">
      <span className="copyable__kind">{kind}</span>
      {value ? (
        <>
          <span className="mono copyable__value">{value}</span>
          <CopyButton value={value} label={label} />
        </>
      ) : (
        <EmptyValue />
      )}
    </span>
  );
}

export function connectionColumns(
  t: TFunction<'connections'>,
): ColumnDef<ConnectionRow, never>[] {
  return [
    col.display({
      id: 'select',
      header: () => <span className="visually-hidden">{t('columns.select')}</span>,
      cell: (c) => <SelectCell row={c.row.original} />,
      meta: { className: 'cell-select' },
    }),
    col.display({
      id: 'expand',
      header: () => <span className="visually-hidden">{t('columns.expand')}</span>,
      cell: (c) => (
        <ExpandButton
          expanded={c.row.getIsExpanded()}
          controls={`queues-of-${c.row.id}`}
          label={t('row.queuesOf', { name: c.row.original.name })}
          onToggle={() => c.row.toggleExpanded()}
        />
      ),
      meta: { className: 'cell-expand' },
    }),
    col.accessor('name', {
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <Link
            to="/connections/$connectionId"
            params={{ connectionId: c.row.original.id }}
            className="connection-link"
          >
            {c.getValue()}
          </Link>
          <span className="muted mono connection-id">{c.row.original.id}</span>
        </span>
      ),
      meta: { rowHeader: true },
    }),
    col.accessor('status', {
      id: 'status',
      header: () => t('columns.status'),
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
    col.accessor('available_queue_info', {
      id: 'queues',
      header: () => t('columns.queues'),
      cell: (c) => <QueueStatusList queues={c.getValue()} />,
    }),
    col.accessor('create_time', {
      id: 'created',
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
    col.display({
      id: 'network',
      header: () => t('columns.network'),
      cell: (c) => (
        <span className="stack">
          <IdWithCopy
            kind={t('columns.vpcShort')}
            value={c.row.original.dest_vpc_id}
            label={t('copy.vpc', { name: c.row.original.name })}
          />
          <IdWithCopy
            kind={t('columns.subnetShort')}
            value={c.row.original.dest_network_id}
            label={t('copy.subnet', { name: c.row.original.name })}
          />
        </span>
      ),
      meta: { className: 'cell-network' },
    }),
    col.accessor('host_count', {
      id: 'hosts',
      header: () => t('columns.hosts'),
      meta: { className: 'num' },
    }),
    col.display({
      id: 'tags',
      header: () => t('columns.tags'),
      cell: (c) => {
        const tags = c.row.original.tags ?? [];
        if (tags.length === 0) return <EmptyValue />;
        return (
          <ul className="tag-list">
            {tags.map((tag) => (
              <li key={tag.key} className="tag-list__item">
                {tag.key}={tag.value}
              </li>
            ))}
          </ul>
        );
      },
    }),
  ] as ColumnDef<ConnectionRow, never>[];
}
