import type { UseQueryResult } from '@tanstack/react-query';
import type { Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { DataTable } from './data-table.tsx';
import { ErrorState } from './error-state.tsx';
import { Pager } from './pager.tsx';
import { PAGER_TARGET_ID, SkipLinks, TABLE_TARGET_ID } from './skip-links.tsx';

export interface PagedTableProps<TRow, TData> {
  query: Pick<
    UseQueryResult<TData>,
    'data' | 'error' | 'isError' | 'isPending' | 'isPlaceholderData' | 'refetch'
  >;
  table: Table<TRow>;
  caption: string;
  empty: ReactNode;
  skeletonRows?: number | undefined;
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  /** Where the fetched page sits in the whole list. */
  counts: (data: TData) => { total: number; rowCount: number };
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** First / last buttons and a page-number field. */
  jump?: boolean | undefined;
}

/**
 * One server-paged page of a list: the error (kept above stale rows after a failed refresh),
 * the table, and the pager once there is a page to place.
 */
export function PagedTable<TRow, TData>({
  query,
  table,
  caption,
  empty,
  skeletonRows,
  page,
  pageSize,
  pageSizes,
  counts,
  onPageChange,
  onPageSizeChange,
  jump,
}: PagedTableProps<TRow, TData>) {
  const retry = () => void query.refetch();
  return (
    <>
      <SkipLinks />
      {query.isError && <ErrorState error={query.error} onRetry={retry} />}
      {!(query.isError && !query.data) && (
        <>
          <DataTable
            id={TABLE_TARGET_ID}
            table={table}
            caption={caption}
            loading={query.isPending}
            busy={query.isPlaceholderData}
            skeletonRows={skeletonRows}
            empty={empty}
          />
          {query.data && (
            <Pager
              page={page}
              pageSize={pageSize}
              {...counts(query.data)}
              onPageChange={onPageChange}
              pageSizes={pageSizes}
              onPageSizeChange={onPageSizeChange}
              disabled={query.isPlaceholderData}
              jump={jump}
              id={PAGER_TARGET_ID}
            />
          )}
        </>
      )}
    </>
  );
}
