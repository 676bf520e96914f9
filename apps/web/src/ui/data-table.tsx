import { flexRender, type Row, type RowData, type Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './data-table.css';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Extra class for the header and body cells, e.g. `num` for right-aligned figures. */
    className?: string;
    /** Render this column's cells as `<th scope="row">` (the row's name). */
    rowHeader?: boolean;
  }
}

export interface DataTableProps<T> {
  table: Table<T>;
  /** Names the table for assistive technology; visually hidden. */
  caption: string;
  /** No data yet: draw placeholder rows instead of the body. */
  loading: boolean;
  /** Shown in place of the rows when there are none. */
  empty: ReactNode;
  /** Data is on screen but a newer copy is on its way. */
  busy?: boolean | undefined;
  skeletonRows?: number | undefined;
  /** For a "Skip to table" link. */
  id?: string | undefined;
}

/** One body row's visible cells; a `rowHeader` column's cell is the row's `<th scope="row">`. */
export function BodyCells<T>({ row }: { row: Row<T> }) {
  return row.getVisibleCells().map((cell) => {
    const meta = cell.column.columnDef.meta;
    const content = flexRender(cell.column.columnDef.cell, cell.getContext());
    return meta?.rowHeader ? (
      <th key={cell.id} scope="row" className={meta.className}>
        {content}
      </th>
    ) : (
      <td key={cell.id} className={meta?.className}>
        {content}
      </td>
    );
  });
}

/** A compact, semantic table for any TanStack Table instance. */
export function DataTable<T>({
  table,
  caption,
  loading,
  empty,
  busy,
  skeletonRows = 5,
  id,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const columns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;

  return (
    // A named, focusable region: a keyboard user can scroll a table wider than a phone's screen
    // even when its rows hold nothing focusable (axe: scrollable-region-focusable).
    <div id={id} className="data-table__scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table" aria-busy={loading || busy ? true : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                  className={header.column.columnDef.meta?.className}
                >
                  {header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              <tr key={i} className="data-table__skeleton-row">
                {columns.map((column, j) => (
                  <td key={column.id} className={column.columnDef.meta?.className}>
                    {i === 0 && j === 0 && (
                      <span className="visually-hidden">{t('table.loading')}</span>
                    )}
                    <span className="skeleton" aria-hidden="true" />
                  </td>
                ))}
              </tr>
            ))
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                <BodyCells row={row} />
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
