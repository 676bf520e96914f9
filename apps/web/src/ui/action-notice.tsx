import { forwardRef, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import './flash-notice.css';

export interface NoticeAction {
  label: string;
  onClick: () => void;
  pending?: boolean | undefined;
}

export interface ActionNoticeProps {
  /** Nothing is shown while null; the live region itself stays mounted so a new message is announced. */
  message: ReactNode | null | undefined;
  /** A follow-up the message offers, e.g. undo. */
  action?: NoticeAction | undefined;
  onDismiss: () => void;
  /** A new key says a new message, even with the same words (it is announced again). */
  messageKey?: string | number | undefined;
}

/**
 * The success message of a write, said where the user acted (a polite live region), with an
 * optional follow-up such as undo. The ref reaches the follow-up's button (for focus after a
 * dialog closes), or the message when there is none.
 */
export const ActionNotice = forwardRef<HTMLElement, ActionNoticeProps>(function ActionNotice(
  { message, action, onDismiss, messageKey },
  ref,
) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flash-region">
      {message && (
        <p
          key={messageKey}
          className="flash-notice"
          ref={action ? undefined : (ref as Ref<HTMLParagraphElement>)}
          tabIndex={action ? undefined : -1}
        >
          <span aria-hidden="true">✓ </span>
          {message}{' '}
          {action && (
            <button
              ref={ref as Ref<HTMLButtonElement>}
              type="button"
              className="button button--small"
              disabled={action.pending}
              aria-busy={action.pending || undefined}
              onClick={action.onClick}
            >
              {action.label}
            </button>
          )}
          <button
            type="button"
            className="button button--link flash-notice__close"
            onClick={onDismiss}
          >
            {t('flash.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
});
