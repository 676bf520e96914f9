import type { DwsCluster } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { listClustersOptions } from './queries.ts';

const NO_ROWS: DwsCluster[] = [];
const col = createColumnHelper<DwsCluster>();

function columns(t: TFunction<'dws'>): ColumnDef<DwsCluster, never>[] {
  return [
    col.accessor('name', {
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <span>{c.getValue()}</span>
          <span className="muted mono">{c.row.original.id}</span>
        </span>
      ),
      meta: { rowHeader: true },
    }),
    col.accessor('status', {
      header: () => t('columns.status'),
      cell: (c) => <StatusBadge status={c.getValue()} />,
    }),
    col.accessor('version', {
      header: () => t('columns.version'),
      cell: (c) => c.getValue() || <EmptyValue />,
    }),
    col.accessor('node_type', {
      header: () => t('columns.nodeType'),
      cell: (c) => c.getValue() || <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor('number_of_node', {
      header: () => t('columns.nodes'),
      cell: (c) => c.getValue() ?? <EmptyValue />,
      meta: { className: 'num' },
    }),
    col.accessor('vpc_id', {
      header: () => t('columns.vpc'),
      cell: (c) => c.getValue() || <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor('created', {
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
  ] as ColumnDef<DwsCluster, never>[];
}

export function ClustersPage() {
  const { t } = useTranslation('dws');
  const query = useQuery(listClustersOptions());
  const cols = useMemo(() => columns(t), [t]);
  const table = useReactTable({
    data: query.data?.clusters ?? NO_ROWS,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <RefreshBar
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            onRefresh={() => void query.refetch()}
          />
        }
      />
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!(query.isError && !query.data) && (
        <DataTable
          table={table}
          caption={t('title')}
          loading={query.isPending}
          empty={<p className="empty-state__title">{t('empty')}</p>}
        />
      )}
    </>
  );
}
