import type { ConnectionRow, FleetConnection, TargetSummary } from '@dsc/api-types';
import { Link } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { TargetLabel } from './target-mark.tsx';
import { connectionColumns } from '../connections/connection-columns.tsx';

/**
 * The single-target list's columns with a Target column after the name, and the name linking to
 * the connection on its own target (the detail page acts on the `target` in its URL).
 */
export function fleetColumns(
  t: TFunction<'connections'>,
  tf: TFunction<'fleet'>,
  targets: ReadonlyMap<string, TargetSummary>,
): ColumnDef<ConnectionRow, never>[] {
  const base = connectionColumns(t);
  const name: ColumnDef<ConnectionRow, never> = {
    id: 'name',
    accessorKey: 'name',
    header: () => t('columns.name'),
    cell: (c) => {
      const row = c.row.original as FleetConnection;
      const target = targets.get(row.target);
      return (
        <span className="stack">
          <Link
            to="/connections/$connectionId"
            params={{ connectionId: row.id }}
            search={{ target: target?.default ? undefined : row.target }}
            className="connection-link"
          >
            {row.name}
          </Link>
          <span className="muted mono connection-id">{row.id}</span>
        </span>
      );
    },
    meta: { rowHeader: true },
  };
  const target: ColumnDef<ConnectionRow, never> = {
    id: 'target',
    header: () => tf('columns.target'),
    cell: (c) => {
      const id = (c.row.original as FleetConnection).target;
      const summary = targets.get(id);
      return summary ? <TargetLabel target={summary} /> : <span className="mono">{id}</span>;
    },
    meta: { className: 'nowrap' },
  };
  const isName = (col: ColumnDef<ConnectionRow, never>) => col.id === 'name' || ('accessorKey' in col && col.accessorKey === 'name');
  return base.flatMap((col) => (isName(col) ? [name, target] : [col]));
}
