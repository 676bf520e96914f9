import { useDetailsPopover } from '../../ui/use-details-popover.ts';
import { useTranslation } from 'react-i18next';
import { HIDEABLE_COLUMNS, type HideableColumn } from './connection-columns.tsx';
import type { ColumnVisibility } from './column-visibility.ts';

export interface ColumnChooserProps {
  visibility: ColumnVisibility;
  onChange: (id: HideableColumn, visible: boolean) => void;
}

/**
 * A disclosure of checkboxes on native <details> (opens with Enter/Space); like a menu it also
 * closes on Escape, returning focus to its button, and on a click elsewhere.
 */
export function ColumnChooser({ visibility, onChange }: ColumnChooserProps) {
  const { t } = useTranslation('connections');
  const { props: popover } = useDetailsPopover();
  const shown = HIDEABLE_COLUMNS.filter((id) => visibility[id]).length;

  return (
    <details {...popover} className="column-chooser">
      <summary className="button column-chooser__summary">
        {t('columnsChooser.button', { shown: shown + 1, total: HIDEABLE_COLUMNS.length + 1 })}
      </summary>
      <fieldset className="column-chooser__panel">
        <legend className="column-chooser__legend">{t('columnsChooser.legend')}</legend>
        {HIDEABLE_COLUMNS.map((id) => (
          <label key={id} className="column-chooser__option">
            <input
              type="checkbox"
              checked={visibility[id]}
              onChange={(e) => onChange(id, e.target.checked)}
            />
            {t(`columns.${id}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
