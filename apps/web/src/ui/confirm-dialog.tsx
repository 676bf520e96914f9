import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CurrentTargetMarkSlot } from './lazy-target-ui.tsx';
import './confirm-dialog.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** `danger` for deletes and other changes that cannot be undone. */
  tone?: 'danger' | 'default' | undefined;
  /** The confirmed action is running: both buttons wait, Escape still closes. */
  pending?: boolean | undefined;
  /** Shown inside the dialog, e.g. the failed request's error. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Asked on close: an element to focus instead of the opener, e.g. when what the dialog did
   * removes the opener's row. Nothing (the usual case): the opener.
   */
  focusOnClose?: (() => HTMLElement | null | undefined) | undefined;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation on the native <dialog>: the page behind is inert, Tab stays inside,
 * Escape cancels, focus starts on Cancel (the safe choice) and returns to the opener on close.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'default',
  pending,
  error,
  onConfirm,
  onCancel,
  focusOnClose,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      // jsdom (tests) has no showModal; the open attribute shows the same content.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      const instead = focusOnClose?.();
      if (instead?.isConnected) instead.focus();
      else if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
    // focusOnClose is read at the moment of closing only.
  }, [open]);

  if (!open) return <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} />;

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        // Escape: let React state close it, so the parent always knows.
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
          return;
        }
        if (e.key !== 'Tab' || !ref.current) return;
        const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="confirm-dialog__body">
        {/* Inside the description, so the target is read out with the question. */}
        <CurrentTargetMarkSlot />
        {children}
      </div>
      {error}
      <div className="confirm-dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
