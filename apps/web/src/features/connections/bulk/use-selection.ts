import type { ConnectionRow } from '@dsc/api-types';
import { useEffect, useMemo, useState } from 'react';
import type { Selection } from './selection-context.tsx';

/**
 * The rows chosen for a bulk action, kept across pages by id (with the row as last seen, for the
 * confirmation), or "every row the view matches". Choosing all matching ends when the view does.
 */
export function useSelection(viewKey: string) {
  const [selected, setSelected] = useState<ReadonlyMap<string, ConnectionRow>>(new Map());
  const [allMatching, setAllMatching] = useState(false);
  useEffect(() => setAllMatching(false), [viewKey]);

  const selection = useMemo<Selection>(
    () => ({
      isSelected: (id) => allMatching || selected.has(id),
      toggle: (row) => {
        setAllMatching(false);
        setSelected((prev) => {
          const next = new Map(prev);
          if (next.has(row.id)) next.delete(row.id);
          else next.set(row.id, row);
          return next;
        });
      },
    }),
    [selected, allMatching],
  );

  return {
    selected,
    allMatching,
    selection,
    selectPage: (rows: readonly ConnectionRow[]) =>
      setSelected((prev) => new Map([...prev, ...rows.map((r) => [r.id, r] as const)])),
    selectAllMatching: () => setAllMatching(true),
    clear: () => {
      setAllMatching(false);
      setSelected(new Map());
    },
  };
}
