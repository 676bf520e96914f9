import type { TargetSummary } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTargets } from '../../lib/targets.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { TargetLabel } from './target-mark.tsx';
import { fleetListOptions } from './fleet-queries.ts';
import { summariseFleet, type TargetSummaryRow } from './fleet-summary.ts';
import '../../ui/status-badge.css';
import './fleet.css';

const WHOLE_FLEET = { targets: 'all', page: 1, pageSize: 0, sort: '-created' } as const;

/**
 * The fleet at a glance: per target, its connections by status and the ones with a queue FAILED
 * or CREATING, each a link into that target's list already filtered.
 */
export function FleetOverviewPage() {
  const { t } = useTranslation('fleet');
  const targetList = useTargets();
  const targets = useMemo(() => new Map((targetList ?? []).map((x) => [x.id, x])), [targetList]);
  const query = useQuery(fleetListOptions(WHOLE_FLEET));
  const rows = useMemo(() => (query.data ? summariseFleet(query.data) : []), [query.data]);

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.description')}
        showTarget={false}
        actions={
          <RefreshBar updatedAt={query.dataUpdatedAt} fetching={query.isFetching} polling={false} onRefresh={() => void query.refetch()} />
        }
      />
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && (
        <p role="status" className="route-pending">
          {t('overview.loading')}
        </p>
      )}
      {query.data && (
        <div className="fleet-scroll">
          <table className="fleet-table" data-testid="fleet-overview">
            <caption className="visually-hidden">{t('overview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.target')}</th>
                <th scope="col">{t('overview.state')}</th>
                <th scope="col" className="num">{t('overview.total')}</th>
                <th scope="col" className="num">{t('overview.active')}</th>
                <th scope="col" className="num">{t('overview.deleted')}</th>
                <th scope="col" className="num">{t('overview.queuesFailed')}</th>
                <th scope="col" className="num">{t('overview.queuesCreating')}</th>
                <th scope="col">{t('overview.lastRead')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <OverviewRow key={row.id} row={row} target={targets.get(row.id)} readAt={query.dataUpdatedAt} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function OverviewRow({ row, target, readAt }: { row: TargetSummaryRow; target: TargetSummary | undefined; readAt: number }) {
  const { t } = useTranslation('fleet');
  // The default target's pages carry no `target` in their URL.
  const targetSearch = target?.default ? undefined : row.id;
  const ok = row.status.status === 'ok';
  return (
    <tr data-target={row.id}>
      <th scope="row">
        <span className="stack">
          {target ? <TargetLabel target={target} /> : <code>{row.id}</code>}
          <Link to="/connections" search={{ target: targetSearch }}>
            {t('overview.openList')}
          </Link>
        </span>
      </th>
      <td>
        {row.status.status === 'ok' ? (
          <span className="status-badge" data-tone="success">{t('overview.ok')}</span>
        ) : (
          <span className="stack">
            <span className="status-badge" data-tone="danger">{t('overview.failed')}</span>
            <span>
              {row.status.error.message} (<code>{row.status.error.code}</code>)
            </span>
            {row.status.error.requestId && (
              <span className="muted">
                {t('banner.requestId')} <code>{row.status.error.requestId}</code>
              </span>
            )}
          </span>
        )}
      </td>
      <td className="num">{ok ? row.total : '—'}</td>
      <td className="num">{ok ? (row.byStatus.ACTIVE ?? 0) : '—'}</td>
      <td className="num">{ok ? (row.byStatus.DELETED ?? 0) : '—'}</td>
      <td className="num">
        {ok ? (
          <Link to="/connections" search={{ target: targetSearch, queues: 'FAILED' }} aria-label={t('overview.failedLink', { count: row.queuesFailed, target: target?.name ?? row.id })}>
            {row.queuesFailed}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td className="num">
        {ok ? (
          <Link to="/connections" search={{ target: targetSearch, queues: 'CREATING' }} aria-label={t('overview.creatingLink', { count: row.queuesCreating, target: target?.name ?? row.id })}>
            {row.queuesCreating}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td>
        <DateTime value={readAt} />
      </td>
    </tr>
  );
}
