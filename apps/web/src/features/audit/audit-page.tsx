import type { AuditEntry } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { roleCheck, useSessionUser } from '../../lib/session.ts';
import { PagedListEmpty } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedTable } from '../../ui/paged-table.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { auditColumns } from './audit-columns.tsx';
import { AuditExport } from './audit-export.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { auditTrailOptions } from './queries.ts';
import {
  AUDIT_PAGE_SIZES,
  auditFilterQuery,
  hasFilters,
  toAuditQuery,
  type AuditSearch,
} from './search.ts';
import './audit.css';

const route = getRouteApi('/_shell/audit');
const NO_ROWS: AuditEntry[] = [];

export function AuditPage() {
  const { t } = useTranslation('audit');
  const user = useSessionUser();
  const isAdmin = roleCheck(user, 'admin').allowed;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery({ ...auditTrailOptions(toAuditQuery(search)), enabled: isAdmin });
  const columns = useMemo(() => auditColumns(t), [t]);
  const table = useReactTable({
    data: query.data?.entries ?? NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => `${row.requestId}:${index}`,
    manualPagination: true,
  });

  const setSearch = (next: Partial<AuditSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const reset = () => void navigate({ search: {} });
  // The BFF has the last word: a role changed since sign-in still gets a 403.
  const forbidden = !isAdmin || (isApiError(query.error) && query.error.status === 403);

  const header = (
    <PageHeader
      title={t('title')}
      description={t('description')}
      actions={!forbidden && <RefreshBar {...queryRefresh(query)} />}
    />
  );
  if (forbidden) {
    return (
      <>
        {header}
        <div className="audit__forbidden">
          <h2 className="audit__forbidden-title">{t('forbidden.title')}</h2>
          <p>
            {user
              ? t('forbidden.body', { role: t(`roles.${user.role}`) })
              : t('forbidden.bodyNoRole')}
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      {header}
      <AuditFilters
        filters={search}
        onChange={(filters) => setSearch({ ...filters, page: 1 })}
        onReset={reset}
      />
      <AuditExport filters={auditFilterQuery(search)} />
      <PagedTable
        query={query}
        table={table}
        caption={t('tableCaption', { page: search.page })}
        skeletonRows={8}
        empty={
          <PagedListEmpty
            ns="audit"
            filtered={hasFilters(search)}
            beyondLastPage={search.page > 1}
            onReset={reset}
            onFirstPage={() => setSearch({ page: 1 })}
          />
        }
        page={search.page}
        pageSize={search.pageSize}
        pageSizes={AUDIT_PAGE_SIZES}
        counts={(data) => ({ total: data.total, rowCount: data.entries.length })}
        onPageChange={(page) => setSearch({ page })}
        onPageSizeChange={(pageSize) =>
          setSearch({ pageSize: pageSize as AuditSearch['pageSize'], page: 1 })
        }
        jump
      />
    </>
  );
}
