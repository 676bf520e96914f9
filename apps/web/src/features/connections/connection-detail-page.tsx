import type { Host } from '@dsc/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { usePermission } from '../../lib/session.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { RefreshBar } from '../../ui/refresh-bar.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ConnectionSummary } from './connection-summary.tsx';
import { DeleteConnectionDialog } from './delete-connection-dialog.tsx';
import { HostsSection } from './hosts-section.tsx';
import { lastListSearch } from './last-list-search.ts';
import { listedPrivis } from './privis.ts';
import { connectionDetailOptions, listConnectionsOptions } from './queries.ts';
import { QueueBindingPanel } from './queue-binding-panel.tsx';
import { DETAIL_POLL_MS, hasTransitionalBinding } from './transitional.ts';
import '../../ui/data-table.css';
import './connection-editor.css';

const route = getRouteApi('/_shell/connections/$connectionId');

/** Names are unique but the list filters by substring: one page of matches holds the exact one. */
const PRIVIS_LOOKUP_ROWS = 100;

/** 404, upstream DLI.0002, or an id the BFF refuses as a path segment: there is no such connection. */
export function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 404 || error.upstream?.code === 'DLI.0002') return true;
  return error.status === 400 && Object.keys(error.fields ?? {}).some((k) => k.startsWith('params.'));
}

export function ConnectionDetailPage() {
  const { t } = useTranslation('connections');
  const { connectionId } = route.useParams();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...connectionDetailOptions(connectionId),
    // Bindings settle on their own (CREATING → ACTIVE/FAILED): poll until nothing is in progress.
    refetchInterval: (q) => (hasTransitionalBinding(q.state.data) ? DETAIL_POLL_MS : false),
    refetchIntervalInBackground: false,
  });
  const canDelete = usePermission('dli.deleteEnhancedConnection');
  const [deleting, setDeleting] = useState(false);
  const c = query.data;
  // The get-one API leaves isPrivis out. From the list it is known; from a direct link or right
  // after a create, ask the list for this name, so the page says the same thing however it was reached.
  const knownPrivis = c ? (c.isPrivis ?? listedPrivis(queryClient, c.id)) : undefined;
  const privisLookup = useQuery({
    ...listConnectionsOptions({ page: 1, pageSize: PRIVIS_LOOKUP_ROWS, name: c?.name }),
    enabled: c !== undefined && knownPrivis === undefined,
    refetchInterval: false,
  });
  const privisFromList = knownPrivis ?? privisLookup.data?.connections.find((x) => x.id === c?.id)?.isPrivis;
  const deleted = c?.status.toUpperCase() === 'DELETED';
  const polling = hasTransitionalBinding(c);

  if (query.isError && !c && isNotFound(query.error)) {
    return (
      <>
        <Breadcrumb />
        <PageHeader title={t('editor.detail.notFoundTitle')} />
        {/* The breadcrumb above is the way back; a second identical link here only repeated it. */}
        <div className="notice notice--warning" role="alert">
          <p>{t('editor.detail.notFoundBody', { id: connectionId })}</p>
          {isApiError(query.error) && query.error.requestId && (
            <p className="muted">
              {t('editor.detail.requestId')} <code>{query.error.requestId}</code>{' '}
              <CopyButton value={query.error.requestId} label={t('editor.detail.copyRequestId')} />
            </p>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      <Breadcrumb />
      <PageHeader
        title={c?.name ?? t('editor.detail.titleFallback', { id: connectionId })}
        description={
          c && (
            <span className="detail-header__meta">
              <StatusBadge status={c.status} /> <code>{c.id}</code>
            </span>
          )
        }
        actions={
          <>
            <RefreshBar
              updatedAt={query.dataUpdatedAt}
              checkedAt={query.errorUpdatedAt}
              fetching={query.isFetching}
              polling={polling}
              onRefresh={() => void query.refetch()}
            />
            {c && canDelete.allowed && !deleted && (
              <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
                {t('editor.delete.open')}
              </button>
            )}
          </>
        }
      />
      <PermissionNote permission={canDelete} />
      {query.isPending && (
        <p role="status" className="muted">
          {t('editor.loading')}
        </p>
      )}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {c && (
        <>
          {deleted && (
            <p className="notice notice--warning" role="note">
              {t('editor.detail.deletedNote')}
            </p>
          )}
          <section aria-labelledby="summary-heading" className="detail-section">
            <h2 id="summary-heading" className="section-title">
              {t('editor.detail.summaryTitle')}
            </h2>
            <ConnectionSummary connection={c} listedPrivis={privisFromList} />
          </section>
          <section aria-labelledby="queues-heading" className="detail-section">
            <h2 id="queues-heading" className="section-title">
              {t('editor.detail.queuesTitle', { n: c.available_queue_info.length })}
            </h2>
            {polling && (
              <p className="muted" role="status">
                {t('editor.detail.pollingNote')}
              </p>
            )}
            <QueueBindingPanel
              connectionId={c.id}
              connectionName={c.name}
              queues={c.available_queue_info}
              readOnly={deleted}
            />
          </section>
          <HostsSection
            connectionId={c.id}
            connectionName={c.name}
            hosts={c.hosts as Host[]}
            readOnly={deleted}
          />
          <DeleteConnectionDialog
            open={deleting}
            onClose={() => setDeleting(false)}
            connectionId={c.id}
            connectionName={c.name}
            queues={c.available_queue_info}
          />
        </>
      )}
    </>
  );
}

function Breadcrumb() {
  const { t } = useTranslation('connections');
  return (
    <nav aria-label={t('editor.breadcrumb')} className="breadcrumb">
      <Link to="/connections" search={lastListSearch()}>
        {t('editor.backToList')}
      </Link>
    </nav>
  );
}
