import { useSyncExternalStore } from 'react';

/**
 * A one-shot success message for the page a write leads to ("Deleted orders_mysql"). Held in
 * memory only: it belongs to that one navigation, not to the URL, so a reload or a pasted link
 * never repeats it. It stays while the user is on the page it was meant for and goes on the next
 * page change.
 */
export interface Flash {
  message: string;
  /** The pathname it belongs to. */
  path: string;
  id: number;
}

let current: Flash | undefined;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** `path`: the page the write leads to; by default the page the user is on. */
export function flash(message: string, path: string = window.location.pathname): void {
  current = { message, path, id: nextId++ };
  emit();
}

export function dismissFlash(): void {
  if (!current) return;
  current = undefined;
  emit();
}

/** Called on every page change: a flash meant for another page has had its moment. */
export function arriveAt(pathname: string): void {
  if (current && current.path !== pathname) dismissFlash();
}

export function useFlash(): Flash | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
