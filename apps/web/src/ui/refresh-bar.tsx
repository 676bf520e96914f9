import { useTranslation } from 'react-i18next';
import { explicitRefresh } from '../lib/explicit-refresh.ts';
import { formatTime } from '../lib/format.ts';
import './refresh-bar.css';

export interface RefreshBarProps {
  /** TanStack Query's dataUpdatedAt: 0 until the first success. */
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
  /** Polling is on because something is still changing. */
  polling?: boolean | undefined;
}

/**
 * "Last updated" and a refresh button, so a user can trust (or renew) what is on screen. The button
 * asks the server for fresh data (explicit-refresh.ts), past what other viewers share.
 */
export function RefreshBar({ updatedAt, fetching, onRefresh, polling }: RefreshBarProps) {
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
        ) : (
          t('refresh.never')
        )}
        {polling && <span className="refresh-bar__polling"> · {t('refresh.polling')}</span>}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => explicitRefresh(onRefresh)}
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
