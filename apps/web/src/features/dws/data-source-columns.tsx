import type { ExtDataSource } from '@dsc/api-types';
import { configureStatusName } from '@dsc/api-types/meta';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { sourceIsChanging } from './queries.ts';

const col = createColumnHelper<ExtDataSource>();

export interface DataSourceActions {
  /** Why nothing may be changed here (frozen cluster, viewer role); undefined = changes allowed. */
  locked: boolean;
  onReconfigure: (source: ExtDataSource, reboot: boolean) => void;
  /** Offered when the role may delete; the job is then followed like a reconfigure's. */
  onDelete?: ((source: ExtDataSource) => void) | undefined;
}

export function dataSourceColumns(
  t: TFunction<'dws'>,
  actions: DataSourceActions,
): ColumnDef<ExtDataSource, never>[] {
  const cols = [
    col.accessor('name', {
      header: () => t('sources.columns.name'),
      cell: (c) => (
        <span className="stack">
          <span>{c.getValue()}</span>
          <span className="muted mono dws-id">{c.row.original.id}</span>
        </span>
      ),
      meta: { rowHeader: true },
    }),
    col.accessor('type', {
      header: () => t('sources.columns.type'),
      cell: (c) => t(`sources.types.${c.getValue().toUpperCase()}`, { defaultValue: c.getValue() }),
      meta: { className: 'nowrap' },
    }),
    col.accessor('user_name', {
      header: () => t('sources.columns.user'),
      cell: (c) => (c.getValue() ? <span className="mono">{c.getValue()}</span> : <EmptyValue />),
    }),
    col.accessor((s) => configureStatusName(s.configure_status), {
      id: 'configure',
      header: () => t('sources.columns.configure'),
      cell: (c) => {
        const name = c.getValue();
        const raw = c.row.original.configure_status;
        return (
          <span className="stack dws-configure">
            <StatusBadge status={name} />
            {name === 'UNKNOWN' && raw !== null && raw !== undefined && (
              <span className="muted mono">{String(raw)}</span>
            )}
            {name === 'PENDING_REBOOT' && (
              <span className="dws-note">{t('sources.pendingReboot')}</span>
            )}
          </span>
        );
      },
    }),
    col.accessor('status', {
      header: () => t('sources.columns.status'),
      cell: (c) => (c.getValue() ? <StatusBadge status={c.getValue()!} /> : <EmptyValue />),
    }),
    col.accessor('updated', {
      header: () => t('sources.columns.updated'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'nowrap' },
    }),
    col.accessor('fail_reason', {
      header: () => t('sources.columns.failReason'),
      cell: (c) =>
        c.getValue() ? <span className="dws-fail-reason">{c.getValue()}</span> : <EmptyValue />,
      meta: { className: 'dws-reason-cell' },
    }),
  ];
  if (!actions.locked) {
    cols.push(
      col.display({
        id: 'actions',
        header: () => t('sources.columns.actions'),
        cell: (c) => (
          <SourceActions t={t} source={c.row.original} onReconfigure={actions.onReconfigure} onDelete={actions.onDelete} />
        ),
      }) as never,
    );
  }
  return cols as ColumnDef<ExtDataSource, never>[];
}

function SourceActions({
  t,
  source,
  onReconfigure,
  onDelete,
}: {
  t: TFunction<'dws'>;
  source: ExtDataSource;
  onReconfigure: DataSourceActions['onReconfigure'];
  onDelete: DataSourceActions['onDelete'];
}) {
  const name = configureStatusName(source.configure_status);
  if (sourceIsChanging(source)) return <span className="muted">{t('sources.busy')}</span>;
  if (name === 'DELETED') return <EmptyValue />;
  return (
    <span className="dws-actions">
      <button
        type="button"
        className="button"
        onClick={() => onReconfigure(source, false)}
        aria-label={t('sources.reconfigureLabel', { name: source.name })}
      >
        {t('sources.reconfigure')}
      </button>
      {name === 'PENDING_REBOOT' && (
        <button
          type="button"
          className="button"
          onClick={() => onReconfigure(source, true)}
          aria-label={t('sources.reconfigureRebootLabel', { name: source.name })}
        >
          {t('sources.reconfigureReboot')}
        </button>
      )}
      {onDelete && (
        <button
          type="button"
          className="button"
          onClick={() => onDelete(source)}
          aria-label={t('sources.deleteLabel', { name: source.name })}
        >
          {t('sources.delete')}
        </button>
      )}
    </span>
  );
}
