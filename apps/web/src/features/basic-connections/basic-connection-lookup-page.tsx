import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header.tsx';
import { ConnectionLookupForm } from './connection-lookup-form.tsx';
import './basic-connections.css';

export function BasicConnectionLookupPage() {
  const { t } = useTranslation('basic-connections');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ConnectionLookupForm />
    </>
  );
}
