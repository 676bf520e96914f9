import { useCallback, useState } from 'react';
import {
  DEFAULT_COLUMN_VISIBILITY,
  HIDEABLE_COLUMNS,
  type HideableColumn,
} from './connection-columns.tsx';

export const COLUMN_STORAGE_KEY = 'dsc.connections.columns';
export type ColumnVisibility = Record<HideableColumn, boolean>;

/** What this browser chose before; unknown or damaged entries fall back to the defaults. */
export function readColumnVisibility(storage: Pick<Storage, 'getItem'> | undefined): ColumnVisibility {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(COLUMN_STORAGE_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const out = { ...DEFAULT_COLUMN_VISIBILITY };
  if (typeof stored === 'object' && stored !== null) {
    for (const id of HIDEABLE_COLUMNS) {
      const v = (stored as Record<string, unknown>)[id];
      if (typeof v === 'boolean') out[id] = v;
    }
  }
  return out;
}

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Column visibility remembered per browser (localStorage), not per URL: it is a preference. */
export function useColumnVisibility() {
  const [visibility, setState] = useState<ColumnVisibility>(() =>
    readColumnVisibility(browserStorage()),
  );
  const setVisible = useCallback((id: HideableColumn, visible: boolean) => {
    setState((prev) => {
      const next = { ...prev, [id]: visible };
      try {
        browserStorage()?.setItem(COLUMN_STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Private mode or a full quota: the choice holds for this visit.
      }
      return next;
    });
  }, []);
  return { visibility, setVisible };
}
