import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import { FieldList } from '../../ui/field-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { StatusBadge, isTransitional } from '../../ui/status-badge.tsx';
import { ConnectionLookupForm } from './connection-lookup-form.tsx';
import { basicConnectionOptions } from './queries.ts';
import './basic-connections.css';

const route = getRouteApi('/_shell/basic-connections/$connectionId');

export function BasicConnectionPage() {
  const { t } = useTranslation('basic-connections');
  const { connectionId } = route.useParams();
  const query = useQuery(basicConnectionOptions(connectionId));

  return (
    <>
      <PageHeader
        title={query.data?.name ?? t('detailTitle', { id: connectionId })}
        description={query.data && <StatusBadge status={query.data.state} />}
        actions={
          <RefreshBar
            updatedAt={query.dataUpdatedAt}
            fetching={query.isFetching}
            polling={query.data ? isTransitional(query.data.state) : false}
            onRefresh={() => void query.refetch()}
          />
        }
      />
      <ConnectionLookupForm key={connectionId} initialId={connectionId} />
      {query.isPending && (
        <p role="status" className="muted">
          {t('loading')}
        </p>
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <section aria-labelledby="basic-fields-heading">
          <h2 id="basic-fields-heading" className="section-title">
            {t('fields')}
          </h2>
          <FieldList value={query.data} />
        </section>
      )}
    </>
  );
}
