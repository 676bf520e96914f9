import type { ExtDataSource } from '@dsc/api-types';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { clusterChangeState } from './cluster-state.ts';
import { dataSourceColumns } from './data-source-columns.tsx';
import { JobPanel } from './job-panel.tsx';
import { listClustersOptions, listExtDataSourcesOptions, sourceIsChanging } from './queries.ts';
import { ReconfigureDialog } from './reconfigure-dialog.tsx';
import { CreateSourceDialog, DeleteSourceDialog } from './source-dialogs.tsx';
import { addRunningJob, targetField } from './running-jobs-store.ts';
import './dws.css';

const route = getRouteApi('/_shell/dws/clusters/$clusterId/data-sources');
const NO_ROWS: ExtDataSource[] = [];

export function DataSourcesPage() {
  const { t } = useTranslation('dws');
  const { clusterId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const clusters = useQuery(listClustersOptions());
  const query = useQuery(listExtDataSourcesOptions(clusterId));
  const permission = usePermission('dws.reconfigureExtDataSource');
  const [target, setTarget] = useState<{ source: ExtDataSource; reboot: boolean }>();
  const canCreate = usePermission('dws.createExtDataSource').allowed;
  const canDelete = usePermission('dws.deleteExtDataSource').allowed;
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ExtDataSource>();

  const cluster = clusters.data?.clusters.find((c) => c.id === clusterId);
  const changeState = cluster ? clusterChangeState(cluster.status) : undefined;
  // Changes need a known, ACTIVE cluster (its name is the reboot confirmation) and the role.
  const locked = changeState !== 'open' || !permission.allowed;
  const columns = useMemo(
    () =>
      dataSourceColumns(t, {
        locked,
        onReconfigure: (source, reboot) => setTarget({ source, reboot }),
        onDelete: canDelete ? setDeleting : undefined,
      }),
    [t, locked, canDelete],
  );
  const table = useReactTable({
    data: query.data?.data_sources ?? NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  const polling = query.data?.data_sources.some(sourceIsChanging) ?? false;
  const offerCreate = canCreate && changeState === 'open' && Boolean(cluster);
  const title = cluster ? t('sources.titleNamed', { name: cluster.name }) : t('sources.title');

  return (
    <>
      <PageHeader
        title={title}
        description={t('sources.description')}
        actions={
          <>
            <Link to="/dws/clusters">{t('sources.back')}</Link>
            {offerCreate && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setCreating(true)}
              >
                {t('create.open')}
              </button>
            )}
            <RefreshBar {...queryRefresh(query)} />
          </>
        }
      />
      {cluster && (
        <p className="dws-cluster-line">
          {t('sources.cluster')} <strong>{cluster.name}</strong>{' '}
          <StatusBadge status={cluster.status} />
          {changeState !== 'open' && changeState && (
            <span className="dws-locked">
              {' '}
              {t(`sources.locked.${changeState}`, { status: cluster.status })}
            </span>
          )}
        </p>
      )}
      {clusters.isSuccess && !cluster && (
        <p role="alert">{t('sources.clusterUnknown', { id: clusterId })}</p>
      )}
      {clusters.isError && (
        <ErrorState
          error={clusters.error}
          title={t('sources.clusterLoadError')}
          onRetry={() => void clusters.refetch()}
        />
      )}
      {changeState === 'open' && <PermissionNote permission={permission} />}
      {search.job && (
        <JobPanel
          key={search.job}
          jobId={search.job}
          clusterId={clusterId}
          onDismiss={() => void navigate({ search: {} })}
        />
      )}
      {polling && <p className="muted dws-polling">{t('sources.polling')}</p>}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {!(query.isError && !query.data) && (
        <DataTable
          table={table}
          caption={title}
          loading={query.isPending}
          empty={
            <div className="empty-state">
              <p className="empty-state__title">{t('sources.empty')}</p>
              <p>{t('sources.emptyBody')}</p>
              {/* The first source is added from here, where the eye already is. */}
              {offerCreate && (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => setCreating(true)}
                >
                  {t('create.first')}
                </button>
              )}
            </div>
          }
        />
      )}
      {creating && cluster && (
        <CreateSourceDialog
          clusterId={clusterId}
          clusterName={cluster.name}
          onClose={() => setCreating(false)}
          onStarted={(jobId, name) => {
            addRunningJob({ jobId, clusterId, sourceName: name, startedAt: Date.now() });
            setCreating(false);
            void navigate({ search: { job: jobId } });
          }}
        />
      )}
      {deleting && (
        <DeleteSourceDialog
          clusterId={clusterId}
          source={deleting}
          onClose={() => setDeleting(undefined)}
          onStarted={(jobId) => {
            addRunningJob({ jobId, clusterId, sourceName: deleting.name, startedAt: Date.now() });
            setDeleting(undefined);
            void navigate({ search: { job: jobId } });
          }}
        />
      )}
      {target && cluster && (
        <ReconfigureDialog
          clusterId={clusterId}
          clusterName={cluster.name}
          source={target.source}
          reboot={target.reboot}
          onClose={() => setTarget(undefined)}
          onStarted={(jobId) => {
            addRunningJob({
              jobId,
              clusterId,
              sourceName: target.source.name,
              startedAt: Date.now(),
              ...targetField(),
            });
            setTarget(undefined);
            void navigate({ search: { job: jobId } });
          }}
        />
      )}
    </>
  );
}
