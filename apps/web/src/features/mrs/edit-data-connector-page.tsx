import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { RefreshBar, queryRefresh } from '../../ui/refresh-bar.tsx';
import { ConnectorId } from './connector-id.tsx';
import { DataConnectorDetails } from './data-connector-details.tsx';
import { DataConnectorForm } from './data-connector-form.tsx';
import { dataConnectorOptions } from './queries.ts';
import { flashSaved } from './saved-flash.ts';
import './mrs.css';

const route = getRouteApi('/_shell/mrs/data-connectors/$connectorId/edit');

export function EditDataConnectorPage() {
  const { t } = useTranslation('mrs');
  const { connectorId } = route.useParams();
  // The list view the operator came from, carried along so Back and Save return to it.
  const listSearch = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(dataConnectorOptions(connectorId));
  const permission = usePermission('mrs.updateDataConnector');
  const connector = query.data;
  const backToList = () => void navigate({ to: '/mrs/data-connectors', search: listSearch });
  // A role that may only read gets the values as text, not a form it cannot submit.
  const readOnly = !permission.allowed;
  const title = readOnly
    ? connector
      ? t('view.titleNamed', { name: connector.connector_name })
      : t('view.title')
    : connector
      ? t('edit.titleNamed', { name: connector.connector_name })
      : t('edit.title');

  return (
    <>
      <PageHeader
        title={title}
        description={readOnly ? t('view.description') : t('edit.description')}
        actions={
          <>
            <Link to="/mrs/data-connectors" search={listSearch}>
              {t('edit.back')}
            </Link>
            {/* Only when reading: a form keeps the values it was filled with, so a refresh there would mislead. */}
            {readOnly && <RefreshBar {...queryRefresh(query)} />}
          </>
        }
      />
      {query.isPending && (
        <p className="route-pending" role="status">
          {t('common.loading', { ns: 'common' })}
        </p>
      )}
      {query.isError && (
        <ErrorState
          error={query.error}
          title={t('edit.loadError')}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.isSuccess && connector === null && (
        <p role="alert">{t('edit.notFound', { id: connectorId })}</p>
      )}
      {connector && (
        <>
          <PermissionNote permission={permission} />
          {readOnly ? (
            <DataConnectorDetails connector={connector} />
          ) : (
            <>
              <p className="mrs-id-line">
                {t('id')}{' '}
                <ConnectorId id={connector.connector_id} name={connector.connector_name} />
              </p>
              <DataConnectorForm
                key={connector.connector_id}
                connector={connector}
                onSaved={(name) => {
                  flashSaved(name);
                  backToList();
                }}
                onCancel={backToList}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
