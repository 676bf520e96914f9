import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explicitRefresh } from '../lib/explicit-refresh.ts';
import { formatTime } from '../lib/format.ts';
import './refresh-bar.css';

export interface RefreshBarProps {
  /** TanStack Query's dataUpdatedAt: 0 until the first success. */
  updatedAt: number;
  /**
   * When the server read the data from the cloud (ISO), for data the server keeps and shares:
   * shown as an age ("as of 12 s ago") instead of the time this browser received it.
   */
  asOf?: string | undefined;
  fetching: boolean;
  onRefresh: () => void;
  /** Polling is on because something is still changing. */
  polling?: boolean | undefined;
  /** TanStack Query's errorUpdatedAt: when the service last answered with an error (a not-found). */
  checkedAt?: number | undefined;
}

/** What a query tells its RefreshBar: when it last answered, when it last failed, whether it is fetching, and how to ask again. */
export function queryRefresh(
  query: Pick<
    UseQueryResult<unknown>,
    'dataUpdatedAt' | 'errorUpdatedAt' | 'isFetching' | 'refetch'
  >,
): Pick<RefreshBarProps, 'updatedAt' | 'checkedAt' | 'fetching' | 'onRefresh'> {
  return {
    updatedAt: query.dataUpdatedAt,
    checkedAt: query.errorUpdatedAt,
    fetching: query.isFetching,
    onRefresh: () => void query.refetch(),
  };
}

/** Seconds since `iso`, re-rendered every second while shown. */
function useAge(iso: string | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [iso]);
  if (!iso) return undefined;
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
}

/**
 * "Last updated" (or "as of … ago") and a refresh button, so a user can trust or renew what is on
 * screen. The button asks the server for fresh data (explicit-refresh.ts), past what other viewers share.
 */
export function RefreshBar({
  updatedAt,
  asOf,
  fetching,
  onRefresh,
  polling,
  checkedAt = 0,
}: RefreshBarProps) {
  const { t, i18n } = useTranslation();
  const age = useAge(asOf);
  let when;
  if (asOf && age !== undefined) {
    const ageText =
      age < 60
        ? t('refresh.seconds', { count: age })
        : age < 3600
          ? t('refresh.minutes', { count: Math.floor(age / 60) })
          : t('refresh.hours', { count: Math.floor(age / 3600) });
    when = (
      <span data-testid="as-of">
        {t('refresh.asOf')} <time dateTime={asOf}>{t('refresh.ago', { age: ageText })}</time>
      </span>
    );
  } else if (updatedAt > 0) {
    when = (
      <>
        {t('refresh.lastUpdated')}{' '}
        <time dateTime={new Date(updatedAt).toISOString()}>
          {formatTime(updatedAt, i18n.language)}
        </time>
      </>
    );
  } else if (checkedAt > 0) {
    // The service answered, with an error: "not loaded yet" would suggest it is still coming.
    when = (
      <>
        {t('refresh.lastChecked')}{' '}
        <time dateTime={new Date(checkedAt).toISOString()}>
          {formatTime(checkedAt, i18n.language)}
        </time>
      </>
    );
  } else {
    when = t('refresh.never');
  }
  return (
    <div className="refresh-bar">
      <span className="refresh-bar__time">
        {when}
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
