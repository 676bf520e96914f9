import type { EnhancedConnection } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager } from '../../ui/pager.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { PAGER_TARGET_ID, SkipLinks } from '../../ui/skip-links.tsx';
import { ColumnChooser } from './column-chooser.tsx';
import { useColumnVisibility } from './column-visibility.ts';
import { connectionColumns } from './connection-columns.tsx';
import { ConnectionFilters } from './connection-filters.tsx';
import { ConnectionsEmpty, CreateConnectionAction, type EmptyKind } from './connections-empty.tsx';
import { ConnectionsTable } from './connections-table.tsx';
import { ExportCsv } from './export-csv.tsx';
import { rememberListSearch } from './last-list-search.ts';
import { applyClientView } from './list-view.ts';
import { hasCreatingQueue, listConnectionsOptions, listParamsFromSearch } from './queries.ts';
import { QueueFilterNotice } from './queue-filter-notice.tsx';
import {
  PAGE_SIZES,
  effectivePage,
  hasServerFilter,
  type ConnectionsSearch,
  type PageSize,
} from './search.ts';
import './connections.css';

const route = getRouteApi('/_shell/connections');
const NO_ROWS: EnhancedConnection[] = [];
const PAGER_SIZES = PAGE_SIZES.map((s) => (s === 'all' ? 0 : s));

export function ConnectionsListPage() {
  const { t } = useTranslation('connections');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = listParamsFromSearch(search);
  useEffect(() => rememberListSearch(search), [search]);
  const query = useQuery(listConnectionsOptions(params));
  const canCreate = usePermission('dli.createEnhancedConnection');

  const fetched = query.data?.connections ?? NO_ROWS;
  const view = useMemo(() => ({ queues: search.queues, sort: search.sort }), [search.queues, search.sort]);
  const rows = useMemo(() => applyClientView(fetched, view), [fetched, view]);

  const columns = useMemo(() => connectionColumns(t), [t]);
  const { visibility, setVisible } = useColumnVisibility();

  const setSearch = (next: Partial<ConnectionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: {} });
  const fetchAll = () => setSearch({ pageSize: 'all', page: 1 });
  const page = effectivePage(search);
  const failedWithoutData = query.isError && !query.data;

  const emptyKind: EmptyKind =
    fetched.length > 0
      ? 'queueFiltered'
      : page > 1
        ? 'beyondLastPage'
        : hasServerFilter(search)
          ? 'filtered'
          : 'none';

  return (
    <>
      <SkipLinks />
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <RefreshBar
              updatedAt={query.dataUpdatedAt}
              checkedAt={query.errorUpdatedAt}
              fetching={query.isFetching}
              polling={hasCreatingQueue(query.data)}
              onRefresh={() => void query.refetch()}
            />
            <CreateConnectionAction permission={canCreate} />
          </>
        }
      />
      <ConnectionFilters search={search} onChange={setSearch} onReset={reset} />
      <div className="list-toolbar">
        <div className="list-toolbar__notes">
          {search.queues && query.data && (
            <QueueFilterNotice
              whole={search.pageSize === 'all'}
              shown={rows.length}
              fetched={fetched.length}
              onFetchAll={fetchAll}
            />
          )}
        </div>
        <ColumnChooser visibility={visibility} onChange={setVisible} />
        <ExportCsv
          filters={{ name: params.name, status: params.status, tags: params.tags }}
          view={view}
        />
      </div>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!failedWithoutData && (
        <>
          {query.data && (
            <p role="status" className="visually-hidden">
              {t('results', { shown: rows.length, total: query.data.count })}
            </p>
          )}
          <ConnectionsTable
            rows={rows}
            columns={columns}
            columnVisibility={visibility}
            caption={t('tableCaption', { page })}
            loading={query.isPending}
            busy={query.isPlaceholderData}
            sort={search.sort}
            onSortChange={(sort) => setSearch({ sort })}
            empty={
              <ConnectionsEmpty
                kind={emptyKind}
                permission={canCreate}
                onReset={reset}
                onFirstPage={() => setSearch({ page: 1 })}
                onFetchAll={search.pageSize === 'all' ? undefined : fetchAll}
              />
            }
          />
          {query.data && (
            <Pager
              page={page}
              pageSize={params.pageSize}
              total={query.data.count}
              rowCount={fetched.length}
              onPageChange={(p) => setSearch({ page: p })}
              pageSizes={PAGER_SIZES}
              onPageSizeChange={(size) =>
                setSearch({ pageSize: (size === 0 ? 'all' : size) as PageSize, page: 1 })
              }
              disabled={query.isPlaceholderData}
              jump
              id={PAGER_TARGET_ID}
            />
          )}
        </>
      )}
    </>
  );
}
