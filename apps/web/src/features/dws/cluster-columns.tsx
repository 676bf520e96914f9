import type { DwsCluster } from '@dsc/api-types';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CopyButton } from '../../ui/copy-button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { clusterChangeState, failedReasonsText } from './cluster-state.ts';

const col = createColumnHelper<DwsCluster>();

export function clusterColumns(t: TFunction<'dws'>): ColumnDef<DwsCluster, never>[] {
  return [
    col.accessor('name', {
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <Link to="/dws/clusters/$clusterId/data-sources" params={{ clusterId: c.row.original.id }}>
            {c.getValue()}
          </Link>
          <span className="dws-id-copy">
            <span className="muted mono dws-id">{c.row.original.id}</span>{' '}
            <CopyButton value={c.row.original.id} label={t('clusters.copyId', { name: c.getValue() })} />
          </span>
        </span>
      ),
      meta: { rowHeader: true, className: 'dws-name-cell' },
    }),
    col.accessor('status', {
      header: () => t('columns.status'),
      cell: (c) => (
        <StatusBadge status={c.getValue()} detail={failedReasonsText(c.row.original.failed_reasons)} />
      ),
    }),
    col.display({
      id: 'changes',
      header: () => t('columns.changes'),
      cell: (c) => {
        const state = clusterChangeState(c.row.original.status);
        return (
          <span className={state === 'open' ? undefined : 'dws-locked'}>
            {t(`changes.${state}`)}
          </span>
        );
      },
    }),
    col.display({
      id: 'sources',
      header: () => t('columns.sources'),
      cell: (c) => (
        <Link
          to="/dws/clusters/$clusterId/data-sources"
          params={{ clusterId: c.row.original.id }}
        >
          {/* The visible words start the accessible name, so a voice user can say what they see. */}
          {t('clusters.sources')}
          <span className="visually-hidden"> {t('clusters.sourcesOfSuffix', { name: c.row.original.name })}</span>
        </Link>
      ),
    }),
    col.accessor('version', {
      header: () => t('columns.version'),
      cell: (c) => c.getValue() || <EmptyValue />,
    }),
    col.accessor('node_type', {
      header: () => t('columns.nodeType'),
      cell: (c) => (c.getValue() ? <span className="mono">{c.getValue()}</span> : <EmptyValue />),
    }),
    col.accessor('number_of_node', {
      header: () => t('columns.nodes'),
      cell: (c) => c.getValue() ?? <EmptyValue />,
      meta: { className: 'num' },
    }),
    col.accessor('created', {
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
  ] as ColumnDef<DwsCluster, never>[];
}
