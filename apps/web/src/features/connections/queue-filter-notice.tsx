import { useTranslation } from 'react-i18next';

/**
 * Upstream cannot filter by queue status, so the filter runs over the fetched rows: say which
 * rows those are, and offer to fetch every connection when only one page was searched.
 */
export function QueueFilterNotice({
  whole,
  shown,
  fetched,
  onFetchAll,
}: {
  whole: boolean;
  shown: number;
  fetched: number;
  onFetchAll: () => void;
}) {
  const { t } = useTranslation('connections');
  return (
    <p className="notice" role="note">
      {whole
        ? t('queueFilter.whole', { shown, fetched })
        : t('queueFilter.pageOnly', { shown, fetched })}
      {!whole && (
        <>
          {' '}
          <button type="button" className="button button--link" onClick={onFetchAll}>
            {t('queueFilter.fetchAll')}
          </button>
        </>
      )}
    </p>
  );
}
