import type { ConnectionRow } from '@dsc/api-types';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

export interface Selection {
  isSelected: (id: string) => boolean;
  toggle: (row: ConnectionRow) => void;
}

const NONE: Selection = { isSelected: () => false, toggle: () => {} };
export const SelectionContext = createContext<Selection>(NONE);

/**
 * A row's checkbox. It reads the selection from context, so choosing a row re-renders only the
 * checkboxes, not the (memoised) rows around them.
 */
export function SelectCell({ row }: { row: ConnectionRow }) {
  const { t } = useTranslation('connections');
  const selection = useContext(SelectionContext);
  return (
    <input
      type="checkbox"
      className="row-select"
      checked={selection.isSelected(row.id)}
      onChange={() => selection.toggle(row)}
      aria-label={t('bulk.selectRow', { name: row.name })}
    />
  );
}
