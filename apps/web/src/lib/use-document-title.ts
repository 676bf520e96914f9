import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Gives every page its own tab title, which screen readers announce on navigation. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}
