import { useSyncExternalStore } from 'react';

/**
 * The current time to within half a minute, shared by every relative time on the page: one timer while any
 * is shown, none otherwise, and a re-render once a minute rather than one timer per table cell.
 */
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// The same value for every call within a tick: a snapshot that changed between render and
// subscribe would render every cell of a long list twice on mount.
function snapshot(): number {
  if (timer === undefined && Math.abs(Date.now() - now) >= TICK_MS) now = Date.now();
  return now;
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
