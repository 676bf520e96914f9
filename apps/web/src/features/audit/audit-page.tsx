import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { auditTrailOptions } from './queries.ts';
import { cellText, extractRecords, recordKeys, type AuditRecord } from './records.ts';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const query = useQuery(auditTrailOptions());
  const records = useMemo(() => extractRecords(query.data), [query.data]);
  const columns = useMemo<ColumnDef<AuditRecord>[]>(
    () =>
      recordKeys(records).map((key) => ({
        id: key,
        header: key,
        accessorFn: (r) => cellText(r[key]),
      })),
    [records],
  );
  const table = useReactTable({ data: records, columns, getCoreRowModel: getCoreRowModel() });

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
      {query.isPending && (
        <p role="status" className="muted">
          {t('common:common.loading')}
        </p>
      )}
      {query.isSuccess && records.length === 0 && (
        <p className="empty-state__title">{t('empty')}</p>
      )}
      {records.length > 0 && (
        <DataTable table={table} caption={t('title')} loading={false} empty={null} />
      )}
    </>
  );
}
