import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format.ts';
import './refresh-bar.css';

export interface RefreshBarProps {
  /** TanStack Query's dataUpdatedAt: 0 until the first success. */
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
  /** Polling is on because something is still changing. */
  polling?: boolean | undefined;
  /** TanStack Query's errorUpdatedAt: when the service last answered with an error (a not-found). */
  checkedAt?: number | undefined;
}

/** "Last updated" and a refresh button, so a user can trust (or renew) what is on screen. */
export function RefreshBar({ updatedAt, fetching, onRefresh, polling, checkedAt = 0 }: RefreshBarProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="refresh-bar">
      <span className="refresh-bar__time">
        {updatedAt > 0 ? (
          <>
            {t('refresh.lastUpdated')}{' '}
            <time dateTime={new Date(updatedAt).toISOString()}>
              {formatTime(updatedAt, i18n.language)}
            </time>
          </>
        ) : checkedAt > 0 ? (
          // The service answered, with an error: "not loaded yet" would suggest it is still coming.
          <>
            {t('refresh.lastChecked')}{' '}
            <time dateTime={new Date(checkedAt).toISOString()}>{formatTime(checkedAt, i18n.language)}</time>
          </>
        ) : (
          t('refresh.never')
        )}
        {polling && <span className="refresh-bar__polling"> · {t('refresh.polling')}</span>}
      </span>
      <button
        type="button"
        className="button"
        onClick={onRefresh}
        aria-busy={fetching || undefined}
      >
        <span
          className="refresh-bar__icon"
          data-spinning={fetching || undefined}
          aria-hidden="true"
        >
          ↻
        </span>
        {t('refresh.button')}
      </button>
    </div>
  );
}
