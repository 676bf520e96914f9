import { useTranslation } from 'react-i18next';
import { dismissFlash, useFlash } from '../lib/flash.ts';
import './flash-notice.css';

/** The success message of the last write, as text in a polite live region, until dismissed or the page changes. */
export function FlashNotice() {
  const { t } = useTranslation();
  const current = useFlash();
  return (
    // The live region stays mounted so that a new message is announced when it is filled.
    <div role="status" className="flash-region">
      {current && (
        <p key={current.id} className="flash-notice">
          <span aria-hidden="true">✓ </span>
          {current.message}{' '}
          <button type="button" className="button button--link flash-notice__close" onClick={dismissFlash}>
            {t('flash.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
