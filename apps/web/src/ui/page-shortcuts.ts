import { useEffect } from 'react';

/** The filter field `/` focuses: one per page, marked with this attribute. */
export const FILTER_SHORTCUT_ATTR = 'data-filter-shortcut';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `/` moves focus to the page's filter, as on many web consoles, unless the user is typing
 * (a `/` in a field is a character) or a dialog is open.
 */
export function useFilterShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (typingInto(e.target) || document.querySelector('dialog[open]')) return;
      const field = document.querySelector<HTMLElement>(`[${FILTER_SHORTCUT_ATTR}]`);
      if (!field) return;
      e.preventDefault();
      field.focus();
      if (field instanceof HTMLInputElement) field.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
