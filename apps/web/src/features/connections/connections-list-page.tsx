import type { EnhancedConnection } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager } from '../../ui/pager.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { connectionColumns } from './connection-columns.tsx';
import { ConnectionFilters } from './connection-filters.tsx';
import { hasCreatingQueue, listConnectionsOptions } from './queries.ts';
import { PAGE_SIZES, type ConnectionsSearch } from './search.ts';
import './connections.css';

const route = getRouteApi('/_shell/connections');
const NO_ROWS: EnhancedConnection[] = [];

export function ConnectionsListPage() {
  const { t } = useTranslation('connections');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(listConnectionsOptions(search));
  const columns = useMemo(() => connectionColumns(t), [t]);
  const table = useReactTable({
    data: query.data?.connections ?? NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
  });

  const setSearch = (next: Partial<ConnectionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: {} });
  const filtered = Boolean(search.name || search.status);
  const failedWithoutData = query.isError && !query.data;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <RefreshBar
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            polling={hasCreatingQueue(query.data)}
            onRefresh={() => void query.refetch()}
          />
        }
      />
      <ConnectionFilters
        search={search}
        onChange={(filters) => setSearch({ ...filters, page: 1 })}
        onReset={reset}
      />
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!failedWithoutData && (
        <>
          <DataTable
            table={table}
            caption={t('tableCaption', { page: search.page })}
            loading={query.isPending}
            busy={query.isPlaceholderData}
            empty={
              <EmptyConnections
                filtered={filtered}
                beyondLastPage={search.page > 1}
                onReset={reset}
                onFirstPage={() => setSearch({ page: 1 })}
              />
            }
          />
          {query.data && (
            <Pager
              page={search.page}
              pageSize={search.pageSize}
              total={query.data.count}
              rowCount={query.data.connections.length}
              onPageChange={(page) => setSearch({ page })}
              pageSizes={PAGE_SIZES}
              onPageSizeChange={(pageSize) =>
                setSearch({ pageSize: pageSize as ConnectionsSearch['pageSize'], page: 1 })
              }
              disabled={query.isPlaceholderData}
            />
          )}
        </>
      )}
    </>
  );
}

interface EmptyConnectionsProps {
  filtered: boolean;
  beyondLastPage: boolean;
  onReset: () => void;
  onFirstPage: () => void;
}

function EmptyConnections({
  filtered,
  beyondLastPage,
  onReset,
  onFirstPage,
}: EmptyConnectionsProps) {
  const { t } = useTranslation('connections');
  if (beyondLastPage) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">{t('empty.pageTitle')}</p>
        <button type="button" className="button" onClick={onFirstPage}>
          {t('empty.firstPage')}
        </button>
      </div>
    );
  }
  if (filtered) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">{t('empty.filteredTitle')}</p>
        <button type="button" className="button" onClick={onReset}>
          {t('filters.reset')}
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p className="empty-state__title">{t('empty.title')}</p>
      <p>{t('empty.body')}</p>
    </div>
  );
}
