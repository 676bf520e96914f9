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
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ConnectionSummary } from './connection-summary.tsx';
import { DeleteConnectionDialog } from './delete-connection-dialog.tsx';
import { AddHostDialog } from '../doctor/add-host-dialog.tsx';
import type { RouteDraft } from '../doctor/add-route-dialog.tsx';
import { AuthorisationsPanel } from '../doctor/authorisations-panel.tsx';
import { DoctorPanel } from '../doctor/doctor-panel.tsx';
import { listedPrivisOptions } from '../doctor/queries.ts';
import { RoutesPanel } from '../doctor/routes-panel.tsx';
import { HostsSection } from './hosts-section.tsx';
import { lastListSearch } from './last-list-search.ts';
import { listedPrivis } from './privis.ts';
import { connectionDetailOptions } from './queries.ts';
import { QueueBindingPanel } from './queue-binding-panel.tsx';
import { DETAIL_POLL_MS, hasTransitionalBinding } from './transitional.ts';
import '../../ui/data-table.css';
import './connection-editor.css';

const route = getRouteApi('/_shell/connections/$connectionId');

/** 404, upstream DLI.0002, or an id the BFF refuses as a path segment: there is no such connection. */
export function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 404 || error.upstream?.code === 'DLI.0002') return true;
  return (
    error.status === 400 && Object.keys(error.fields ?? {}).some((k) => k.startsWith('params.'))
  );
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
  const [routeDraft, setRouteDraft] = useState<RouteDraft | null>(null);
  const [hostToAdd, setHostToAdd] = useState<string | null>(null);
  const c = query.data;
  // The get-one answer has no isPrivis; one list call by name (shared with the doctor) has it.
  const listed = useQuery({
    ...listedPrivisOptions(connectionId, c?.name ?? ''),
    enabled: Boolean(c?.name),
  });
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
              <StatusBadge status={c.status} /> <code>{c.id}</code>{' '}
              <CopyButton value={c.id} label={t('editor.detail.copyId', { name: c.name })} />
            </span>
          )
        }
        actions={
          <>
            <RefreshBar {...queryRefresh(query)} polling={polling} />
            {c && canDelete.allowed && !deleted && (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setDeleting(true)}
              >
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
            <ConnectionSummary
              connection={c}
              listedPrivis={listedPrivis(queryClient, c.id) ?? listed.data ?? undefined}
            />
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
          <DoctorPanel
            key={c.id}
            connection={c}
            readOnly={deleted}
            onAddRoute={setRouteDraft}
            onAddHost={setHostToAdd}
          />
          <RoutesPanel
            connectionId={c.id}
            connectionName={c.name}
            routes={c.routes}
            readOnly={deleted}
            draft={routeDraft}
            onDraft={setRouteDraft}
          />
          <AuthorisationsPanel connectionId={c.id} connectionName={c.name} readOnly={deleted} />
          <HostsSection
            connectionId={c.id}
            connectionName={c.name}
            hosts={c.hosts as Host[]}
            readOnly={deleted}
          />
          <AddHostDialog
            connectionId={c.id}
            connectionName={c.name}
            hosts={c.hosts as Host[]}
            host={hostToAdd}
            onClose={() => setHostToAdd(null)}
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
