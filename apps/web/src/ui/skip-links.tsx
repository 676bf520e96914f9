import { useTranslation } from 'react-i18next';
import './skip-links.css';

export const TABLE_TARGET_ID = 'results-table';
export const PAGER_TARGET_ID = 'results-pager';

/**
 * "Skip to table" / "Skip to pager" at the start of a list page, shown when focused: the filters
 * and toolbar in between are many Tab stops. Focus is moved by script, because a fragment link
 * only moves the caret of sequential navigation and leaves a hash in the router's URL.
 */
export function SkipLinks({ pager = true }: { pager?: boolean }) {
  const { t } = useTranslation();
  const links: [string, string][] = [[TABLE_TARGET_ID, t('skip.table')]];
  if (pager) links.push([PAGER_TARGET_ID, t('skip.pager')]);
  return (
    <ul className="page-skip-links">
      {links.map(([id, label]) => (
        <li key={id}>
          <a
            href={`#${id}`}
            className="page-skip-links__link"
            onClick={(e) => {
              const target = document.getElementById(id);
              if (!target) return;
              e.preventDefault();
              target.focus();
            }}
          >
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}
