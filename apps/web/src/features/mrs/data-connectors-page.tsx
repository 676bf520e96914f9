import {
  MRS_SOURCE_TYPE_LABELS,
  MrsSourceType,
  parseSourceInfo,
  type DataConnector,
} from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
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
import { Pager } from '../../ui/pager.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { listDataConnectorsOptions } from './queries.ts';
import { MRS_PAGE_SIZE } from './search.ts';

const route = getRouteApi('/_shell/mrs/data-connectors');
const NO_ROWS: DataConnector[] = [];
const col = createColumnHelper<DataConnector>();

function sourceTypeLabel(v: string): string {
  const known = MrsSourceType.safeParse(v);
  return known.success ? MRS_SOURCE_TYPE_LABELS[known.data] : v;
}

// The stored password never reaches the table: parseSourceInfo drops it.
function columns(t: TFunction<'mrs'>): ColumnDef<DataConnector, never>[] {
  return [
    col.accessor('connector_name', {
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <span>{c.getValue()}</span>
          <span className="muted mono">{c.row.original.connector_id}</span>
        </span>
      ),
      meta: { rowHeader: true },
    }),
    col.accessor('source_type', {
      header: () => t('columns.sourceType'),
      cell: (c) => sourceTypeLabel(c.getValue()),
    }),
    col.accessor((c) => parseSourceInfo(c.source_info).db_name, {
      id: 'database',
      header: () => t('columns.database'),
      cell: (c) => c.getValue() ?? <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor((c) => parseSourceInfo(c.source_info).rds_instance_id, {
      id: 'instance',
      header: () => t('columns.instance'),
      cell: (c) => c.getValue() ?? <EmptyValue />,
      meta: { className: 'mono' },
    }),
    col.accessor('used_clusters', {
      header: () => t('columns.usedClusters'),
      cell: (c) => c.getValue() || <EmptyValue />,
    }),
    col.accessor('create_time', {
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
  ] as ColumnDef<DataConnector, never>[];
}

export function DataConnectorsPage() {
  const { t } = useTranslation('mrs');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(listDataConnectorsOptions(search));
  const cols = useMemo(() => columns(t), [t]);
  const table = useReactTable({
    data: query.data?.data_connectors ?? NO_ROWS,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.connector_id,
    manualPagination: true,
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
        <>
          <DataTable
            table={table}
            caption={t('title')}
            loading={query.isPending}
            busy={query.isPlaceholderData}
            empty={<p className="empty-state__title">{t('empty')}</p>}
          />
          {query.data && (
            <Pager
              page={search.page}
              pageSize={MRS_PAGE_SIZE}
              total={query.data.total_count}
              rowCount={query.data.data_connectors.length}
              onPageChange={(page) => void navigate({ search: { page } })}
              disabled={query.isPlaceholderData}
            />
          )}
        </>
      )}
    </>
  );
}
