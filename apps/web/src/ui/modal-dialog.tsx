import { useEffect, useId, useRef, type ReactNode } from 'react';
import './confirm-dialog.css';
import { CurrentTargetMarkSlot } from './lazy-target-ui.tsx';
import './modal-dialog.css';

export interface ModalDialogProps {
  title: string;
  children: ReactNode;
  /** Escape, the browser's cancel gesture, or a close button. */
  onClose: () => void;
  /** Extra class on the dialog box, e.g. `modal-dialog--wide` for a form. */
  className?: string | undefined;
}

/**
 * A modal <dialog> holding a form (ConfirmDialog is the one for yes/no questions): the browser
 * makes the page behind it inert and keeps focus inside. Where showModal is missing (jsdom) it
 * opens non-modally, which tests can still drive. Focus returns to the opener on close.
 */
export function ModalDialog({ title, children, onClose, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    if (!dialog.contains(document.activeElement)) {
      dialog.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={['confirm-dialog', 'modal-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: let React state close it, so the parent always knows.
        e.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCloseRef.current();
        }
      }}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        {title}
      </h2>
      <CurrentTargetMarkSlot />
      {children}
    </dialog>
  );
}
