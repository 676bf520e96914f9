import { useQuery } from '@tanstack/react-query';
import type { DataConnector } from '@dsc/api-types';
import { Link, getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { PagedListEmpty } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedTable } from '../../ui/paged-table.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { connectorColumns, toRow, type ConnectorRow } from './data-connector-columns.tsx';
import { DataConnectorFilters } from './data-connector-filters.tsx';
import { DeleteDataConnectorDialog } from './delete-data-connector-dialog.tsx';
import { listDataConnectorsOptions } from './queries.ts';
import { clearSaved, peekSaved } from './saved-flash.ts';
import { PAGE_SIZES, type MrsSearch } from './search.ts';
import './mrs.css';

const route = getRouteApi('/_shell/mrs/data-connectors');
const NO_ROWS: ConnectorRow[] = [];

export function DataConnectorsPage() {
  const { t } = useTranslation('mrs');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(listDataConnectorsOptions(search));
  const permission = usePermission('mrs.updateDataConnector');
  const canCreate = usePermission('mrs.createDataConnector').allowed;
  const canDelete = usePermission('mrs.deleteDataConnector').allowed;
  const [deleting, setDeleting] = useState<DataConnector | null>(null);
  const [saved] = useState(peekSaved);
  useEffect(() => clearSaved(), []);

  const columns = useMemo(
    () =>
      connectorColumns(t, {
        canEdit: permission.allowed,
        search,
        onDelete: canDelete ? setDeleting : undefined,
      }),
    [t, permission.allowed, search, canDelete],
  );
  const rows = useMemo(() => query.data?.data_connectors.map(toRow) ?? NO_ROWS, [query.data]);
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.connector.connector_id,
    manualPagination: true,
  });

  const setSearch = (next: Partial<MrsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: {} });
  const filtered = Boolean(search.name || search.type);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <RefreshBar {...queryRefresh(query)} />
            {canCreate && (
              <Link
                to="/mrs/data-connectors/new"
                search={search}
                className="button button--primary"
              >
                {t('create.open')}
              </Link>
            )}
          </>
        }
      />
      {saved && (
        <p className="mrs-notice mrs-notice--success" role="status">
          {t('saved', { name: saved })}
        </p>
      )}
      <PermissionNote permission={permission} />
      <DeleteDataConnectorDialog connector={deleting} onClose={() => setDeleting(null)} />
      <DataConnectorFilters
        search={search}
        onChange={(filters) => setSearch({ ...filters, page: 1 })}
        onReset={reset}
      />
      <PagedTable
        query={query}
        table={table}
        caption={t('tableCaption', { page: search.page })}
        empty={
          <PagedListEmpty
            ns="mrs"
            filtered={filtered}
            beyondLastPage={search.page > 1}
            onReset={reset}
            onFirstPage={() => setSearch({ page: 1 })}
          />
        }
        page={search.page}
        pageSize={search.pageSize}
        pageSizes={PAGE_SIZES}
        counts={(data) => ({ total: data.total_count, rowCount: data.data_connectors.length })}
        onPageChange={(page) => setSearch({ page })}
        onPageSizeChange={(pageSize) =>
          setSearch({ pageSize: pageSize as MrsSearch['pageSize'], page: 1 })
        }
        jump
      />
    </>
  );
}
