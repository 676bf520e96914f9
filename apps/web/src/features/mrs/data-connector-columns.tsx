import { parseSourceInfo, type DataConnector } from '@dsc/api-types';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { ConnectorId } from './connector-id.tsx';
import type { MrsSearch } from './search.ts';
import { sourceTypeLabel } from './source-type-label.ts';

/** A row with its source_info read once; the stored password is dropped by parseSourceInfo. */
export interface ConnectorRow {
  connector: DataConnector;
  info: ReturnType<typeof parseSourceInfo>;
}

export function toRow(connector: DataConnector): ConnectorRow {
  return { connector, info: parseSourceInfo(connector.source_info) };
}

const col = createColumnHelper<ConnectorRow>();

function text(v: string | null | undefined, className?: string) {
  return v ? <span className={className}>{v}</span> : <EmptyValue />;
}

export function connectorColumns(
  t: TFunction<'mrs'>,
  opts: { canEdit: boolean; search: MrsSearch; onDelete?: ((c: DataConnector) => void) | undefined },
): ColumnDef<ConnectorRow, never>[] {
  const cols = [
    col.accessor((r) => r.connector.connector_name, {
      id: 'name',
      header: () => t('columns.name'),
      cell: (c) => (
        <span className="stack">
          <span>{c.getValue()}</span>
          <ConnectorId
            id={c.row.original.connector.connector_id}
            name={c.getValue()}
            className="muted mrs-id"
          />
        </span>
      ),
      meta: { rowHeader: true, className: 'mrs-name-cell' },
    }),
    col.accessor((r) => r.connector.source_type, {
      id: 'sourceType',
      header: () => t('columns.sourceType'),
      cell: (c) => sourceTypeLabel(c.getValue()),
      meta: { className: 'nowrap' },
    }),
    col.accessor((r) => r.info.db_name, {
      id: 'database',
      header: () => t('columns.database'),
      cell: (c) => text(c.getValue(), 'mono'),
    }),
    col.accessor((r) => r.info.user_name, {
      id: 'user',
      header: () => t('columns.user'),
      cell: (c) => text(c.getValue(), 'mono'),
    }),
    col.accessor((r) => r.info.rds_instance_id, {
      id: 'instance',
      header: () => t('columns.instance'),
      cell: (c) => text(c.getValue(), 'mono'),
      meta: { className: 'mrs-instance' },
    }),
    col.accessor((r) => r.connector.create_time, {
      id: 'created',
      header: () => t('columns.created'),
      cell: (c) => <DateTime value={c.getValue()} />,
    }),
    col.accessor((r) => r.connector.last_update_time, {
      id: 'updated',
      header: () => t('columns.updated'),
      cell: (c) => <DateTime value={c.getValue()} />,
    }),
    col.accessor((r) => r.connector.used_clusters, {
      id: 'usedClusters',
      header: () => t('columns.usedClusters'),
      cell: (c) => text(c.getValue()),
    }),
  ];
  if (opts.canEdit) {
    cols.push(
      col.display({
        id: 'actions',
        header: () => t('columns.actions'),
        cell: (c) => (
          <span className="mrs-actions">
            <Link
              to="/mrs/data-connectors/$connectorId/edit"
              params={{ connectorId: c.row.original.connector.connector_id }}
              search={opts.search}
              aria-label={t('actions.editLabel', { name: c.row.original.connector.connector_name })}
            >
              {t('actions.edit')}
            </Link>
            {opts.onDelete && (
              <button
                type="button"
                className="button button--small"
                aria-label={t('actions.deleteLabel', { name: c.row.original.connector.connector_name })}
                onClick={() => opts.onDelete?.(c.row.original.connector)}
              >
                {t('actions.delete')}
              </button>
            )}
          </span>
        ),
        meta: { className: 'nowrap' },
      }) as never,
    );
  }
  return cols as ColumnDef<ConnectorRow, never>[];
}
