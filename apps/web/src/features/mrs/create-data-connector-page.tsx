import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { BLANK_CONNECTOR } from './connector-form.ts';
import { DataConnectorForm } from './data-connector-form.tsx';
import { flashSaved } from './saved-flash.ts';
import './mrs.css';

const route = getRouteApi('/_shell/mrs/data-connectors/new');

/** A new data connector: the edit page's typed `source_info` form, with the password required. */
export function CreateDataConnectorPage() {
  const { t } = useTranslation('mrs');
  const listSearch = route.useSearch();
  const navigate = route.useNavigate();
  const permission = usePermission('mrs.createDataConnector');
  const backToList = () => void navigate({ to: '/mrs/data-connectors', search: listSearch });
  return (
    <>
      <PageHeader
        title={t('create.title')}
        description={t('create.description')}
        actions={
          <Link to="/mrs/data-connectors" search={listSearch}>
            {t('edit.back')}
          </Link>
        }
      />
      <PermissionNote permission={permission} />
      {/* A role that cannot create gets the reason, not a form it could fill in and never send. */}
      {permission.allowed && (
        <DataConnectorForm
          connector={BLANK_CONNECTOR}
          mode="create"
          onSaved={(name) => {
            flashSaved(name);
            backToList();
          }}
          onCancel={backToList}
        />
      )}
    </>
  );
}
