import type { ConnectionRow } from '@dsc/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager } from '../../ui/pager.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { BulkBar } from './bulk/bulk-bar.tsx';
import { SelectionContext } from './bulk/selection-context.tsx';
import { useSelection } from './bulk/use-selection.ts';
import { PAGER_TARGET_ID, SkipLinks } from '../../ui/skip-links.tsx';
import { ColumnChooser } from './column-chooser.tsx';
import { buildConnectionsCsv, downloadCsv, exportFilename } from './csv-export.ts';
import { useColumnVisibility } from './column-visibility.ts';
import { connectionColumns } from './connection-columns.tsx';
import { ConnectionFilters } from './connection-filters.tsx';
import { ConnectionsEmpty, CreateConnectionAction, type EmptyKind } from './connections-empty.tsx';
import { ConnectionsTable } from './connections-table.tsx';
import { ExportCsv } from './export-csv.tsx';
import {
  hasCreatingQueue,
  listConnectionsOptions,
  connectionKeys,
  fetchConnectionsView,
  listParamsFromSearch,
  refreshConnectionsView,
} from './queries.ts';
import { rememberListSearch } from './last-list-search.ts';
import {
  PAGE_SIZES,
  effectivePage,
  hasAnyFilter,
  type ConnectionsSearch,
  type PageSize,
} from './search.ts';
import './connections.css';

const route = getRouteApi('/_shell/connections');
// Not needed for the first paint: loaded beside the first answer, outside the page's budget.
const SavedViews = lazy(() => import('./saved-views.tsx').then((m) => ({ default: m.SavedViews })));
const NO_ROWS: ConnectionRow[] = [];
const PAGER_SIZES = PAGE_SIZES.map((s) => (s === 'all' ? 0 : s));

export function ConnectionsListPage() {
  const { t } = useTranslation('connections');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = listParamsFromSearch(search);
  useEffect(() => rememberListSearch(search), [search]);
  const query = useQuery(listConnectionsOptions(params));
  const queryClient = useQueryClient();
  const canCreate = usePermission('dli.createEnhancedConnection');
  const canDelete = usePermission('dli.deleteEnhancedConnection');
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(undefined);
  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await refreshConnectionsView(queryClient, params);
    } catch (e) {
      setRefreshError(e);
    } finally {
      setRefreshing(false);
    }
  };

  // One page of the whole list, sorted and filtered by the BFF over every connection.
  const rows = query.data?.connections ?? NO_ROWS;
  const view = { sort: params.sort, queues: params.queues, name: params.name, status: params.status, tags: params.tags };
  const bulk = useSelection(JSON.stringify(view));
  // Until the console names targets in the URL everywhere, a list acts on the default target.
  const target = new URLSearchParams(window.location.search).get('target') ?? 'default';

  const columns = useMemo(() => connectionColumns(t), [t]);
  const { visibility, setVisible } = useColumnVisibility();

  const setSearch = (next: Partial<ConnectionsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: {} });
  const page = effectivePage(search);
  const failedWithoutData = query.isError && !query.data;

  const emptyKind: EmptyKind =
    page > 1 && (query.data?.count ?? 0) > 0 ? 'beyondLastPage' : hasAnyFilter(search) ? 'filtered' : 'none';

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
              asOf={query.data?.asOf}
              checkedAt={query.errorUpdatedAt}
              fetching={query.isFetching || refreshing}
              polling={hasCreatingQueue(query.data)}
              onRefresh={() => void refresh()}
            />
            <CreateConnectionAction permission={canCreate} />
          </>
        }
      />
      <ConnectionFilters search={search} onChange={setSearch} onReset={reset} />
      <div className="list-toolbar">
        <div className="list-toolbar__notes">
          {query.data && (
            <p className="muted" data-testid="match-count">
              {t('matchCount', { count: query.data.count, total: query.data.total })}
            </p>
          )}
        </div>
        <Suspense fallback={null}>
          <SavedViews />
        </Suspense>
        <ColumnChooser visibility={visibility} onChange={setVisible} />
        <ExportCsv view={view} />
      </div>
      {query.data && (
        <BulkBar
          selected={bulk.selected}
          allMatching={bulk.allMatching}
          matching={query.data.count}
          pageRows={rows}
          target={target}
          canChange={canDelete}
          onSelectPage={() => bulk.selectPage(rows)}
          onSelectAllMatching={bulk.selectAllMatching}
          onClear={bulk.clear}
          loadAllMatching={async () => (await fetchConnectionsView({ ...view, page: 1, pageSize: 0 })).connections}
          onChanged={() => {
            bulk.clear();
            void queryClient.invalidateQueries({ queryKey: connectionKeys.all });
          }}
          onExport={async (chosen) => downloadCsv(await buildConnectionsCsv(chosen), exportFilename(new Date()))}
        />
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {refreshError !== undefined && <ErrorState error={refreshError} onRetry={() => void refresh()} />}
      {!failedWithoutData && (
        <>
          {query.data && (
            <p role="status" className="visually-hidden">
              {t('results', { shown: rows.length, total: query.data.count })}
            </p>
          )}
          <SelectionContext.Provider value={bulk.selection}>
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
              />
            }
          />
          </SelectionContext.Provider>
          {query.data && (
            <Pager
              page={page}
              pageSize={params.pageSize}
              total={query.data.count}
              rowCount={rows.length}
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
