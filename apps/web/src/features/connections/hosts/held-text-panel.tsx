import type { Host } from '@dsc/api-types';
import { useId, type ClipboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { heldTitle, sourceName, type HeldText } from './held-text.ts';
import { HostsTable } from './hosts-table.tsx';

export interface HeldTextPanelProps {
  held: HeldText;
  /** Ids of the hint, the status line and (when shown) the problems, as the textarea names them. */
  describedBy: string;
  /** The valid entries read so far; undefined while the text is being read. */
  entries: readonly Host[] | undefined;
  onEditAsText: () => void;
  /** A paste while the panel has focus (it has after a large paste). */
  onPaste: (e: ClipboardEvent<HTMLElement>) => void;
  disabled?: boolean | undefined;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Stands in for the textarea when the text is too large for it: names the text, offers to show it
 * in the text box anyway, and lists the entries read from it in a table that draws only the rows
 * in view.
 */
export function HeldTextPanel({ held, describedBy, entries, onEditAsText, onPaste, disabled, ref }: HeldTextPanelProps) {
  const { t } = useTranslation('connections');
  const titleId = useId();
  const warningId = useId();
  return (
    <>
      <div
        ref={ref}
        className="hosts-held"
        role="group"
        tabIndex={-1}
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onPaste={disabled ? undefined : onPaste}
      >
        <p id={titleId} className="hosts-held__title">
          {heldTitle(t, held)}
        </p>
        <p className="hosts-held__note">{t('editor.hosts.held.note')}</p>
        <div className="hosts-held__actions">
          <button type="button" className="button" disabled={disabled} aria-describedby={warningId} onClick={onEditAsText}>
            {t('editor.hosts.held.editAsText')}
          </button>
          <span id={warningId} className="muted">
            {t('editor.hosts.held.editWarning')}
          </span>
        </div>
      </div>
      {entries && entries.length > 0 && (
        <HostsTable hosts={entries} caption={t('editor.hosts.held.tableCaption', { source: sourceName(t, held.source) })} />
      )}
    </>
  );
}
