import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_ERROR_CODES, isApiError } from '../lib/api-error.ts';
import './error-state.css';

export interface ErrorStateProps {
  error: unknown;
  onRetry?: (() => void) | undefined;
  /** Defaults to a generic "could not load" heading. */
  title?: string | undefined;
}

const CLIENT_CODES: readonly string[] = Object.values(CLIENT_ERROR_CODES);

/** What failed, in the server's words, with the request id support will ask for. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  const apiError = isApiError(error) ? error : undefined;
  // The server's own words are shown as it sent them (often English, whatever the chosen
  // language), and labelled as its words rather than passed off as the console's.
  const message = apiError
    ? CLIENT_CODES.includes(apiError.code)
      ? t(`error.codes.${apiError.code}`, { status: apiError.status })
      : t('error.serviceMessage', { message: apiError.message })
    : t('error.unexpected');
  const root = useRef<HTMLDivElement>(null);
  useKeepFocusOnRemoval(root);

  return (
    <div ref={root} className="error-state" role="alert">
      <h2 className="error-state__title">{title ?? t('error.title')}</h2>
      <p className="error-state__message">{message}</p>
      {apiError && (
        <dl className="error-state__facts">
          {apiError.status > 0 && (
            <>
              <dt>{t('error.status')}</dt>
              <dd>{apiError.status}</dd>
            </>
          )}
          {!CLIENT_CODES.includes(apiError.code) && (
            <>
              <dt>{t('error.code')}</dt>
              <dd>
                <code>{apiError.code}</code>
              </dd>
            </>
          )}
          {apiError.upstream && (
            <>
              <dt>{t('error.upstream')}</dt>
              <dd>
                {apiError.upstream.code && <code>{apiError.upstream.code}</code>}{' '}
                {t('error.upstreamStatus', { status: apiError.upstream.status })}
                {apiError.upstream.message &&
                  apiError.upstream.message !== apiError.message &&
                  ` — ${t('error.serviceMessage', { message: apiError.upstream.message })}`}
              </dd>
            </>
          )}
          {apiError.requestId && (
            <>
              <dt>{t('error.requestId')}</dt>
              <dd>
                <code>{apiError.requestId}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A Retry that succeeds removes this panel and the focused Retry button with it, leaving a
 * keyboard user at the top of the page. Focus moves to what takes its place: the next focusable
 * thing after the panel (the table, the pager), or else the main landmark.
 */
function useKeepFocusOnRemoval(root: React.RefObject<HTMLDivElement | null>) {
  useLayoutEffect(() => {
    const el = root.current;
    return () => {
      if (!el || !el.contains(document.activeElement)) return;
      // What comes after is read once the new content is in: it may be mounted in the same commit.
      const parent = el.parentElement;
      const before = el.previousElementSibling;
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const next = before?.isConnected ? before.nextElementSibling : parent?.isConnected ? parent.firstElementChild : null;
        const target =
          next?.matches(FOCUSABLE) ? next : next?.querySelector<HTMLElement>(FOCUSABLE) ?? document.getElementById('main');
        (target as HTMLElement | null)?.focus({ preventScroll: false });
      });
    };
  }, [root]);
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]';
