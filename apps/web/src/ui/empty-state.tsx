import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What an empty table shows: a title, then whatever explains it or offers a way out. */
export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  );
}

export interface PagedListEmptyProps {
  /** i18n namespace holding `empty.{pageTitle,firstPage,filteredTitle,title,body}` and `filters.reset`. */
  ns: string;
  filtered: boolean;
  beyondLastPage: boolean;
  onReset: () => void;
  onFirstPage: () => void;
}

/** Why a filtered, paged list came back empty, most specific cause first. */
export function PagedListEmpty({ ns, filtered, beyondLastPage, onReset, onFirstPage }: PagedListEmptyProps) {
  const { t } = useTranslation(ns);
  if (beyondLastPage) {
    return (
      <EmptyState title={t('empty.pageTitle')}>
        <button type="button" className="button" onClick={onFirstPage}>
          {t('empty.firstPage')}
        </button>
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState title={t('empty.filteredTitle')}>
        <button type="button" className="button" onClick={onReset}>
          {t('filters.reset')}
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('empty.title')}>
      <p>{t('empty.body')}</p>
    </EmptyState>
  );
}
