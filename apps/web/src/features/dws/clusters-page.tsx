import type { DwsCluster } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { clusterColumns } from './cluster-columns.tsx';
import { listClustersOptions } from './queries.ts';
import './dws.css';

const NO_ROWS: DwsCluster[] = [];

export function ClustersPage() {
  const { t } = useTranslation('dws');
  const query = useQuery(listClustersOptions());
  const columns = useMemo(() => clusterColumns(t), [t]);
  const table = useReactTable({
    data: query.data?.clusters ?? NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<RefreshBar {...queryRefresh(query)} />}
      />
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!(query.isError && !query.data) && (
        <DataTable
          table={table}
          caption={t('title')}
          loading={query.isPending}
          empty={
            <div className="empty-state">
              <p className="empty-state__title">{t('empty')}</p>
              <p>{t('emptyBody')}</p>
            </div>
          }
        />
      )}
    </>
  );
}
