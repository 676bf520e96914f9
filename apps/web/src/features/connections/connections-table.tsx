import type { ConnectionRow } from '@dsc/api-types';
import type { VirtualItem } from '@tanstack/react-virtual';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type ExpandedState,
  type Header,
  type Row,
  type VisibilityState,
} from '@tanstack/react-table';
import { memo, useCallback, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { BodyCells } from '../../ui/data-table.tsx';
import { QueueTable } from './queue-table.tsx';
import type { ConnectionSort } from './search.ts';
import '../../ui/data-table.css';
import { TABLE_TARGET_ID } from '../../ui/skip-links.tsx';
import { useVirtualModule, type VirtualModule } from './virtual-module.ts';

/** Above this many rows only the ones in view (plus a margin) are in the DOM. */
export const VIRTUALIZE_ABOVE = 100;
/** A collapsed connection's height, taken as is: only expanded ones are measured. */
const COLLAPSED_ROW_PX = 58;
/** A first guess for an expanded connection (its row and queue table) until it is measured. */
const EXPANDED_ROW_PX = 220;

const SORTABLE: Record<string, { asc: ConnectionSort; desc: ConnectionSort; first: ConnectionSort }> =
  {
    name: { asc: 'name', desc: '-name', first: 'name' },
    created: { asc: 'created', desc: '-created', first: '-created' },
  };

export interface ConnectionsTableProps {
  /** Every row of the view, in order; only the ones in view become table rows when virtualised. */
  rows: readonly ConnectionRow[];
  columns: ColumnDef<ConnectionRow, never>[];
  columnVisibility: VisibilityState;
  caption: string;
  loading: boolean;
  busy: boolean;
  empty: ReactNode;
  sort: ConnectionSort;
  onSortChange: (sort: ConnectionSort) => void;
}

/**
 * The list's table: a tbody per connection (its row, and its queue table when expanded), so a
 * large page can be virtualised with each connection measured as one block.
 */
export function ConnectionsTable(props: ConnectionsTableProps) {
  const virtualModule = useVirtualModule(!props.loading && props.rows.length > VIRTUALIZE_ABOVE);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  // A long list shows the skeleton until the virtualiser has arrived, rather than every row. Its
  // hook replaces the stand-in then, so the table is mounted afresh (once: the module stays).
  return (
    <Table
      key={virtualModule ? 'virtualiser' : 'none'}
      {...props}
      loading={props.loading || (!virtualModule && props.rows.length > VIRTUALIZE_ABOVE)}
      useVirtualizer={virtualModule?.useVirtualizer ?? useNoVirtualizer}
      expanded={expanded}
      setExpanded={setExpanded}
    />
  );
}

type UseVirtualizer = VirtualModule['useVirtualizer'];
/** What the table reads of a virtualiser. */
interface VirtualWindow {
  getVirtualItems(): readonly VirtualItem[];
  getTotalSize(): number;
  measureElement: (node: Element | null) => void;
}

const noWindow: VirtualWindow = {
  getVirtualItems: () => [],
  getTotalSize: () => 0,
  measureElement: () => undefined,
};

/** Until react-virtual is loaded no list is virtualised, so its window is always empty. */
function useNoVirtualizer(): VirtualWindow {
  return noWindow;
}

function Table(
  props: ConnectionsTableProps & {
    useVirtualizer: (options: Parameters<UseVirtualizer>[0]) => VirtualWindow;
    expanded: ExpandedState;
    setExpanded: (updater: ExpandedState | ((old: ExpandedState) => ExpandedState)) => void;
  },
) {
  const { rows, columns: columnDefs, columnVisibility, caption, loading, busy, empty } = props;
  const { useVirtualizer, expanded, setExpanded } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = !loading && rows.length > VIRTUALIZE_ABOVE;
  const isExpanded = useCallback(
    (c: ConnectionRow | undefined) =>
      c !== undefined && (expanded === true || expanded[c.id] === true),
    [expanded],
  );

  // Each measurement makes the virtualiser recompute every later position (20,000 on a large
  // list), so collapsed rows keep a fixed size and only expanded ones are measured. The key
  // carries the expanded state, so collapsing a row drops back to the fixed size; `expanded` in
  // the dependencies makes the virtualiser take new keys and sizes on every toggle.
  const getItemKey = useCallback(
    (i: number) => {
      const c = rows[i];
      if (!c) return i;
      return isExpanded(c) ? `${c.id}:expanded` : c.id;
    },
    [rows, isExpanded],
  );
  const estimateSize = useCallback(
    (i: number) => (isExpanded(rows[i]) ? EXPANDED_ROW_PX : COLLAPSED_ROW_PX),
    [rows, isExpanded],
  );
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  // TanStack Table builds a row object (dozens of closures, a cache of cells) for every item it
  // is given, so a virtualised table is given only the rows in view: "all" on 20,000 connections
  // then builds about 30 rows instead of 20,000, and scrolling does not leave 20,000 rows' cells
  // behind. The window's first index keeps each shown row's place in the whole list.
  const first = items[0]?.index ?? 0;
  const data = useMemo(
    () => (virtual ? items.map((item) => rows[item.index]).filter((c) => c !== undefined) : rows),
    [virtual, items, rows],
  );
  const table = useReactTable<ConnectionRow>({
    data: data as ConnectionRow[],
    columns: columnDefs,
    state: { columnVisibility, expanded },
    onExpandedChange: setExpanded,
    getRowCanExpand: () => true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });
  const tableRows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();

  let body: ReactNode;
  if (loading) {
    body = (
      <tbody>
        {Array.from({ length: 5 }, (_, i) => (
          <tr key={i} className="data-table__skeleton-row">
            {columns.map((column, j) => (
              <td key={column.id}>
                {i === 0 && j === 0 && <span className="visually-hidden">{t('table.loading')}</span>}
                <span className="skeleton" aria-hidden="true" />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    );
  } else if (rows.length === 0) {
    body = (
      <tbody>
        <tr>
          <td colSpan={columns.length} className="data-table__empty">
            {empty}
          </td>
        </tr>
      </tbody>
    );
  } else if (virtual) {
    body = (
      <>
        {padTop > 0 && <Spacer height={padTop} columns={columns.length} />}
        {tableRows.map((row, i) => {
          const rowExpanded = row.getIsExpanded();
          return (
            <ConnectionRowGroup
              key={row.id}
              row={row}
              rowIndex={items[i]?.index ?? first + i}
              columns={columns}
              expanded={rowExpanded}
              virtualized
              measureRef={rowExpanded ? virtualizer.measureElement : undefined}
            />
          );
        })}
        {padBottom > 0 && <Spacer height={padBottom} columns={columns.length} />}
      </>
    );
  } else {
    body = tableRows.map((row, i) => (
      <ConnectionRowGroup
        key={row.id}
        row={row}
        rowIndex={i}
        columns={columns}
        expanded={row.getIsExpanded()}
      />
    ));
  }

  return (
    <div
      ref={scrollRef}
      id={TABLE_TARGET_ID}
      // The "Skip to table" target; its rows' links are the Tab stops, so not in the Tab order itself.
      tabIndex={-1}
      className="data-table__scroll connections-table__scroll"
      data-virtual={virtual || undefined}
    >
      <table
        className="data-table connections-table"
        aria-busy={loading || busy ? true : undefined}
        aria-rowcount={virtual ? rows.length + 1 : undefined}
      >
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} sort={props.sort} onSortChange={props.onSortChange} />
              ))}
            </tr>
          ))}
        </thead>
        {body}
      </table>
    </div>
  );
}

function HeaderCell({
  header,
  sort,
  onSortChange,
}: { header: Header<ConnectionRow, unknown> } & Pick<
  ConnectionsTableProps,
  'sort' | 'onSortChange'
>) {
  const { t } = useTranslation('connections');
  const sortable = SORTABLE[header.column.id];
  const content = header.isPlaceholder
    ? null
    : flexRender(header.column.columnDef.header, header.getContext());
  const direction = !sortable
    ? undefined
    : sort === sortable.asc
      ? 'ascending'
      : sort === sortable.desc
        ? 'descending'
        : 'none';
  return (
    <th scope="col" className={header.column.columnDef.meta?.className} aria-sort={direction}>
      {sortable ? (
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            onSortChange(
              sort === sortable.asc ? sortable.desc : sort === sortable.desc ? sortable.asc : sortable.first,
            )
          }
        >
          {content}
          <span aria-hidden="true" className="sort-button__arrow">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
          <span className="visually-hidden">{t('sort.toggle')}</span>
        </button>
      ) : (
        content
      )}
    </th>
  );
}

interface ConnectionRowGroupProps {
  row: Row<ConnectionRow>;
  rowIndex: number;
  /** The visible columns (TanStack Table keeps the array while they stay the same). */
  columns: Column<ConnectionRow, unknown>[];
  expanded: boolean;
  virtualized?: boolean;
  measureRef?: Ref<HTMLTableSectionElement> | undefined;
}

/**
 * One connection: its row, and its queue table when expanded. A virtualised table builds new
 * row objects whenever the window moves, so a group re-renders only when what it shows changes:
 * its connection, its place, its columns or its expanded state (a scroll then renders only the
 * connections that came into view).
 */
const ConnectionRowGroup = memo(
  function ConnectionRowGroup({
    row,
    rowIndex,
    columns,
    expanded,
    virtualized = false,
    measureRef,
  }: ConnectionRowGroupProps) {
    return (
      <tbody ref={measureRef} data-index={rowIndex} className="connection-group">
        <tr
          aria-rowindex={virtualized ? rowIndex + 2 : undefined}
          data-expanded={expanded || undefined}
        >
          <BodyCells row={row} />
        </tr>
        {expanded && (
          <tr className="connection-group__detail">
            <td colSpan={columns.length}>
              <QueueTable
                id={`queues-of-${row.id}`}
                connectionName={row.original.name}
                queues={row.original.available_queue_info}
              />
            </td>
          </tr>
        )}
      </tbody>
    );
  },
  (prev, next) =>
    prev.row.original === next.row.original &&
    prev.rowIndex === next.rowIndex &&
    prev.columns === next.columns &&
    prev.expanded === next.expanded &&
    prev.virtualized === next.virtualized &&
    prev.measureRef === next.measureRef,
);

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tbody aria-hidden="true">
      <tr className="connections-table__spacer">
        <td colSpan={columns} style={{ height, padding: 0, border: 'none' }} />
      </tr>
    </tbody>
  );
}
