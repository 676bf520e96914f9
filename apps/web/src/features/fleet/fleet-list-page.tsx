import type { FleetConnection, TargetSummary } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { useTargets } from '../../lib/targets.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager } from '../../ui/pager.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { ColumnChooser } from '../connections/column-chooser.tsx';
import { useColumnVisibility } from '../connections/column-visibility.ts';
import { ConnectionFilters } from '../connections/connection-filters.tsx';
import { ConnectionsEmpty, type EmptyKind } from '../connections/connections-empty.tsx';
import { ConnectionsTable } from '../connections/connections-table.tsx';
import { listParamsFromSearch } from '../connections/queries.ts';
import { applyClientView } from './fleet-view.ts';
import { PAGE_SIZES, effectivePage, hasServerFilter, type ConnectionsSearch, type PageSize } from '../connections/search.ts';
import { fleetColumns } from './fleet-columns.tsx';
import { FleetExportCsv } from './fleet-export-csv.tsx';
import { fleetListOptions, hasCreatingQueueIn, type FleetListParams } from './fleet-queries.ts';
import { TargetErrorBanners } from './target-error-banners.tsx';
import '../connections/connections.css';
import './fleet.css';

const route = getRouteApi('/_shell/connections');
const NO_ROWS: FleetConnection[] = [];
const PAGER_SIZES = PAGE_SIZES.map((s) => (s === 'all' ? 0 : s));
const NO_TARGETS: readonly TargetSummary[] = [];

/**
 * `/connections?targets=all` (or `a,b`): every chosen target's connections in one list, read in
 * parallel by the BFF. A target that fails gets a banner; the others' rows stay.
 */
export function FleetListPage() {
  const { t } = useTranslation('connections');
  const { t: tf } = useTranslation('fleet');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const targetList = useTargets() ?? NO_TARGETS;
  const targets = useMemo(() => new Map(targetList.map((x) => [x.id, x])), [targetList]);

  const params: FleetListParams = { ...listParamsFromSearch(search), targets: search.targets ?? 'all', queues: search.queues };
  const query = useQuery(fleetListOptions(params));
  const fetched = query.data?.connections ?? NO_ROWS;
  const view = useMemo(() => ({ queues: search.queues, sort: search.sort }), [search.queues, search.sort]);
  const rows = useMemo(() => applyClientView(fetched, view), [fetched, view]);
  const columns = useMemo(() => fleetColumns(t, tf, targets), [t, tf, targets]);
  const { visibility, setVisible } = useColumnVisibility();
  const canCreate = usePermission('dli.createEnhancedConnection');

  const setSearch = (next: Partial<ConnectionsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: (prev) => ({ targets: prev.targets }) as never });
  const page = effectivePage(search);
  const failedWithoutData = query.isError && !query.data;
  const names = (search.targets === 'all' || !search.targets ? targetList.map((x) => x.id) : search.targets.split(','))
    .map((id) => targets.get(id)?.name ?? id)
    .join(', ');

  const emptyKind: EmptyKind = fetched.length > 0 ? 'filtered' : page > 1 ? 'beyondLastPage' : hasServerFilter(search) || search.queues ? 'filtered' : 'none';

  return (
    <>
      <PageHeader
        title={tf('list.title')}
        description={tf('list.description', { targets: names })}
        showTarget={false}
        actions={
          <RefreshBar
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            polling={hasCreatingQueueIn(query.data)}
            onRefresh={() => void query.refetch()}
          />
        }
      />
      <ConnectionFilters search={search} onChange={setSearch} onReset={reset} />
      {query.data && <TargetErrorBanners statuses={query.data.targets} targets={targets} />}
      <div className="list-toolbar">
        <div className="list-toolbar__notes" />
        <ColumnChooser visibility={visibility} onChange={setVisible} />
        <FleetExportCsv params={params} view={view} targets={targets} />
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
            caption={tf('list.caption', { page })}
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
          {query.data && (
            <Pager
              page={page}
              pageSize={params.pageSize}
              total={query.data.count}
              rowCount={fetched.length}
              onPageChange={(p) => setSearch({ page: p })}
              pageSizes={PAGER_SIZES}
              onPageSizeChange={(size) => setSearch({ pageSize: (size === 0 ? 'all' : size) as PageSize, page: 1 })}
              disabled={query.isPlaceholderData}
              jump
            />
          )}
        </>
      )}
    </>
  );
}
