import { useFixedT } from '../lib/use-fixed-t.ts';

/** A dash on screen, "none" for screen readers (a bare dash is read as "dash" or skipped). */
export function EmptyValue() {
  const { t } = useFixedT();
  return (
    <span className="empty-value">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('common.none')}</span>
    </span>
  );
}
