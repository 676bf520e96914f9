import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../lib/session.ts';
import { EmptyState } from '../../ui/empty-state.tsx';

export type EmptyKind = 'none' | 'filtered' | 'beyondLastPage';

export interface ConnectionsEmptyProps {
  kind: EmptyKind;
  permission: Permission;
  onReset: () => void;
  onFirstPage: () => void;
}

/** What an empty table means here, and the one thing to do about it. */
export function ConnectionsEmpty({
  kind,
  permission,
  onReset,
  onFirstPage,
}: ConnectionsEmptyProps) {
  const { t } = useTranslation('connections');
  if (kind === 'beyondLastPage') {
    return (
      <EmptyState title={t('empty.pageTitle')}>
        <button type="button" className="button" onClick={onFirstPage}>
          {t('empty.firstPage')}
        </button>
      </EmptyState>
    );
  }
  if (kind === 'filtered') {
    return (
      <EmptyState title={t('empty.filteredTitle')}>
        <span className="empty-state__actions">
          <button type="button" className="button" onClick={onReset}>
            {t('filters.reset')}
          </button>
        </span>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('empty.title')}>
      <p>{t('empty.body')}</p>
      <CreateConnectionAction permission={permission} />
    </EmptyState>
  );
}

/** The way to /connections/new for those allowed; the reason in words for the others. */
export function CreateConnectionAction({ permission }: { permission: Permission }) {
  const { t } = useTranslation('connections');
  if (permission.allowed) {
    return (
      <Link to="/connections/new" className="button button--primary">
        {t('createAction.link')}
      </Link>
    );
  }
  if (permission.reason !== 'role') return null;
  return (
    <p className="muted create-not-allowed">
      {t('createAction.notAllowed', { role: permission.role, needed: permission.needed })}
    </p>
  );
}
