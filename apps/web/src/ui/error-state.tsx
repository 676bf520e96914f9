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
  const message = apiError
    ? CLIENT_CODES.includes(apiError.code)
      ? t(`error.codes.${apiError.code}`, { status: apiError.status })
      : apiError.message
    : t('error.unexpected');

  return (
    <div className="error-state" role="alert">
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
                {apiError.upstream.message && ` — ${apiError.upstream.message}`}
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
