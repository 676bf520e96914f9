import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sessionOptions, usePermission } from '../../lib/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PermissionNote } from '../../ui/permission-note.tsx';
import { CreateConnectionForm } from './create-connection-form.tsx';
import { lastListSearch } from './last-list-search.ts';
import './connection-editor.css';

export function CreateConnectionPage() {
  const { t } = useTranslation('connections');
  const session = useQuery(sessionOptions());
  const permission = usePermission('dli.createEnhancedConnection');

  return (
    <>
      <nav aria-label={t('editor.breadcrumb')} className="breadcrumb">
        <Link to="/connections" search={lastListSearch()}>{t('editor.backToList')}</Link>
      </nav>
      <PageHeader title={t('editor.create.title')} description={t('editor.create.description')} />
      {session.isPending ? (
        <p role="status" className="muted">
          {t('editor.loading')}
        </p>
      ) : permission.allowed ? (
        <CreateConnectionForm />
      ) : (
        <PermissionNote permission={permission} />
      )}
    </>
  );
}
