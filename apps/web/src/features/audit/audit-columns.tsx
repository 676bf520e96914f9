import type { AuditEntry } from '@dsc/api-types';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

const column = createColumnHelper<AuditEntry>();

export function auditColumns(t: TFunction<'audit'>) {
  return [
    column.accessor('time', {
      header: t('columns.time'),
      cell: (c) => <DateTime value={c.getValue()} />,
      meta: { className: 'audit__nowrap' },
    }),
    column.accessor('user', {
      header: t('columns.user'),
      cell: (c) => c.getValue() ?? <EmptyValue />,
    }),
    column.accessor('role', {
      header: t('columns.role'),
      cell: (c) => {
        const role = c.getValue();
        return role ? t(`roles.${role}`) : <EmptyValue />;
      },
      // 管理员 broke one character per line in a narrow column.
      meta: { className: 'audit__nowrap' },
    }),
    column.accessor('sourceAddress', {
      header: t('columns.sourceAddress'),
      cell: (c) => <span className="mono">{c.getValue()}</span>,
    }),
    column.accessor('operation', {
      header: t('columns.operation'),
      cell: (c) => <code>{c.getValue()}</code>,
    }),
    column.accessor('targetIds', {
      header: t('columns.targets'),
      cell: (c) => <Targets ids={c.getValue()} />,
    }),
    column.accessor('outcome', {
      header: t('columns.outcome'),
      cell: (c) => (
        <span className="stack audit__outcome">
          <OutcomeBadge outcome={c.getValue()} />
          {c.row.original.errorCode && <code className="audit__code">{c.row.original.errorCode}</code>}
        </span>
      ),
    }),
    column.accessor('httpStatus', {
      header: t('columns.httpStatus'),
      meta: { className: 'num' },
    }),
    column.accessor('upstream', {
      header: t('columns.upstream'),
      cell: (c) => <Upstream upstream={c.getValue()} t={t} />,
    }),
    column.accessor('requestId', {
      header: t('columns.requestId'),
      cell: (c) => <RequestId id={c.getValue()} />,
    }),
  ];
}

function Targets({ ids }: { ids: AuditEntry['targetIds'] }) {
  const entries = Object.entries(ids);
  if (entries.length === 0) return <EmptyValue />;
  return (
    <dl className="audit__targets">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Upstream({ upstream, t }: { upstream: AuditEntry['upstream']; t: TFunction<'audit'> }) {
  if (!upstream || (upstream.status === undefined && !upstream.code && !upstream.requestId)) {
    return <EmptyValue />;
  }
  return (
    <span className="stack">
      {(upstream.status !== undefined || upstream.code) && (
        <span>
          {upstream.status !== undefined && t('upstream.status', { status: upstream.status })}
          {upstream.status !== undefined && upstream.code && ' · '}
          {upstream.code && <code>{upstream.code}</code>}
        </span>
      )}
      {upstream.requestId && (
        <span className="muted">
          {t('upstream.requestId')} <RequestId id={upstream.requestId} />
        </span>
      )}
    </span>
  );
}

function RequestId({ id }: { id: string }) {
  return (
    <code className="audit__id" title={id}>
      {id}
    </code>
  );
}
