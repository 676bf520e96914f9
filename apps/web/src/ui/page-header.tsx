import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { CurrentTargetMarkSlot } from './lazy-target-ui.tsx';

/** The page's one h1 (also the tab title) and its page-level actions. */
export function PageHeader({
  title,
  description,
  actions,
  showTarget = true,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** false on pages that span several targets (the merged list, the fleet overview). */
  showTarget?: boolean;
}) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-header__title">{title}</h1>
        {description && <p className="page-header__description">{description}</p>}
        {showTarget && <CurrentTargetMarkSlot />}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}
