import type { AuditEntry } from '@dsc/api-types';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CopyButton } from '../../ui/copy-button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { AuditTargets } from './audit-targets.tsx';
import { operationName } from './operation-name.ts';
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
      cell: (c) => {
        const id = c.getValue();
        const name = operationName(t, id);
        // The id stays beside the name: it is what logs, the API and older exports say.
        return (
          <span className="stack">
            <span>{name}</span>
            {name !== id && <code className="audit__code">{id}</code>}
          </span>
        );
      },
    }),
    column.display({
      id: 'targets',
      header: t('columns.targets'),
      cell: (c) => <AuditTargets entry={c.row.original} />,
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
      cell: (c) => <RequestId id={c.getValue()} t={t} />,
    }),
  ];
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
          {t('upstream.requestId')} <RequestId id={upstream.requestId} t={t} />
        </span>
      )}
    </span>
  );
}

/** The start tells rows apart; the whole id is in the tooltip and one click from the clipboard. */
function RequestId({ id, t }: { id: string; t: TFunction<'audit'> }) {
  return (
    <span className="audit__nowrap">
      <code className="audit__id" title={id}>
        {id}
      </code>
      <CopyButton value={id} label={t('copyRequestId', { id })} />
    </span>
  );
}
