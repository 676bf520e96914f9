import type { BasicConnection } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FieldList } from '../../ui/field-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { StatusBadge, isTransitional } from '../../ui/status-badge.tsx';
import { BasicQueueTable } from './basic-queue-table.tsx';
import { ConnectionLookupForm } from './connection-lookup-form.tsx';
import { StateProgress } from './state-progress.tsx';
import { basicConnectionOptions } from './queries.ts';
import './basic-connections.css';

const route = getRouteApi('/_shell/basic-connections/$connectionId');

/** DLI answers an unknown id with 404 / DLI.0002 (some gateways with 400 + DLI.0002). */
export function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return (
    error.status === 404 || error.upstream?.status === 404 || error.upstream?.code === 'DLI.0002'
  );
}

export function BasicConnectionPage() {
  const { t } = useTranslation('basic-connections');
  const { connectionId } = route.useParams();
  const query = useQuery(basicConnectionOptions(connectionId));
  const notFound = query.isError && !query.data && isNotFound(query.error);

  return (
    <>
      <PageHeader
        title={query.data?.name ?? t('detailTitle', { id: connectionId })}
        description={query.data && <StatusBadge status={query.data.state} />}
        actions={
          <RefreshBar
            {...queryRefresh(query)}
            polling={query.data ? isTransitional(query.data.state) : false}
          />
        }
      />
      <ConnectionLookupForm key={connectionId} initialId={connectionId} />
      {query.isPending && (
        <p role="status" className="muted">
          {t('loading')}
        </p>
      )}
      {notFound ? (
        <NotFound id={connectionId} error={query.error} />
      ) : (
        query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && <BasicConnectionDetails connection={query.data} />}
    </>
  );
}

function NotFound({ id, error }: { id: string; error: unknown }) {
  const { t } = useTranslation('basic-connections');
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <section className="not-found-panel" role="status">
      <h2 className="not-found-panel__title">{t('notFound.title', { id })}</h2>
      <p>{t('notFound.body')}</p>
      {requestId && (
        <p className="muted">
          {t('notFound.requestId')} <code>{requestId}</code>
        </p>
      )}
    </section>
  );
}

function BasicConnectionDetails({ connection: c }: { connection: BasicConnection }) {
  const { t } = useTranslation('basic-connections');
  return (
    <>
      <section aria-labelledby="basic-summary-heading">
        <h2 id="basic-summary-heading" className="section-title">
          {t('summary')}
        </h2>
        <dl className="summary-list">
          <Item label={t('field.state')}>
            <span className="state-cell">
              <StatusBadge status={c.state} />
              {c.process !== undefined && <StateProgress state={c.state} process={c.process} />}
            </span>
          </Item>
          <Item label={t('field.name')}>{c.name}</Item>
          <Item label={t('field.id')}>
            <span className="mono">{c.connection_id}</span>{' '}
            <CopyButton value={c.connection_id} label={t('copyId')} />
          </Item>
          <Item label={t('field.destination')}>
            {c.destination ? <span className="mono break">{c.destination}</span> : <EmptyValue />}
          </Item>
          <Item label={t('field.service')}>{c.service || <EmptyValue />}</Item>
          <Item label={t('field.cluster')}>{c.cluster_name || <EmptyValue />}</Item>
          <Item label={t('field.url')}>
            {c.connection_url ? (
              <span className="mono break">{c.connection_url}</span>
            ) : (
              <EmptyValue />
            )}
          </Item>
          {c.connectivity !== undefined && (
            <Item label={t('field.connectivity')}>{c.connectivity || <EmptyValue />}</Item>
          )}
          <Item label={t('field.created')}>
            <DateTime value={c.create_time} />
          </Item>
        </dl>
      </section>
      <section aria-labelledby="basic-queues-heading">
        <h2 id="basic-queues-heading" className="section-title">
          {t('queues.title')}
        </h2>
        <BasicQueueTable queues={c.available_queue_info} />
      </section>
      <details className="raw-fields">
        <summary>{t('fields')}</summary>
        <FieldList value={c} />
      </details>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
