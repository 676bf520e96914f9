import { dismissFlash, useFlash } from '../lib/flash.ts';
import { ActionNotice } from './action-notice.tsx';

/** The success message of the last write that led to this page, until dismissed or the page changes. */
export function FlashNotice() {
  const current = useFlash();
  return (
    <ActionNotice messageKey={current?.id} message={current?.message} onDismiss={dismissFlash} />
  );
}
