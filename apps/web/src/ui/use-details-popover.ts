import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';

/**
 * A <details> used as a small pop-over (column chooser, theme switch): it closes on a click
 * elsewhere and on Escape, which returns focus to its summary. Spread `props` on the <details>.
 */
export function useDetailsPopover() {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const props = {
    ref,
    onToggle: (e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open),
    onKeyDown: (e: KeyboardEvent<HTMLDetailsElement>) => {
      if (e.key !== 'Escape' || !ref.current?.open) return;
      ref.current.open = false;
      ref.current.querySelector('summary')?.focus();
    },
  };
  return { open, props };
}
