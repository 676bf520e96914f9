import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { tagPairProblem, type TagPair } from './tags-filter.ts';

export interface TagsFilterEditorProps {
  rows: readonly TagPair[];
  onChange: (rows: TagPair[]) => void;
  /** Enter in a field applies at once. */
  onEnter: () => void;
}

export const EMPTY_TAG_ROW: TagPair = { key: '', value: '' };
const MAX_ROWS = 10;

/** Key = value rows for the tag filter; a row with a problem says which, and is not applied. */
export function TagsFilterEditor({ rows, onChange, onEnter }: TagsFilterEditorProps) {
  const { t } = useTranslation('connections');
  const baseId = useId();
  const update = (i: number, patch: Partial<TagPair>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    onChange(next.length > 0 ? next : [EMPTY_TAG_ROW]);
  };

  return (
    <fieldset className="tags-filter">
      <legend className="tags-filter__legend">{t('filters.tags')}</legend>
      <ul className="tags-filter__rows">
        {rows.map((row, i) => {
          const problem = tagPairProblem(row, i, rows);
          const errorId = `${baseId}-error-${i}`;
          const n = i + 1;
          return (
            <li key={i} className="tags-filter__row">
              <label className="visually-hidden" htmlFor={`${baseId}-key-${i}`}>
                {t('filters.tagKey', { n })}
              </label>
              <input
                id={`${baseId}-key-${i}`}
                className="input tags-filter__input"
                placeholder={t('filters.tagKeyPlaceholder')}
                value={row.key}
                maxLength={128}
                autoComplete="off"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId : undefined}
                onChange={(e) => update(i, { key: e.target.value })}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onEnter())}
              />
              <span aria-hidden="true">=</span>
              <label className="visually-hidden" htmlFor={`${baseId}-value-${i}`}>
                {t('filters.tagValue', { n })}
              </label>
              <input
                id={`${baseId}-value-${i}`}
                className="input tags-filter__input"
                placeholder={t('filters.tagValuePlaceholder')}
                value={row.value}
                maxLength={255}
                autoComplete="off"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId : undefined}
                onChange={(e) => update(i, { value: e.target.value })}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onEnter())}
              />
              {(rows.length > 1 || row.key !== '' || row.value !== '') && (
                <button
                  type="button"
                  className="button button--icon"
                  aria-label={t('filters.removeTag', { n })}
                  onClick={() => remove(i)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
              {problem && (
                <span id={errorId} className="field-error tags-filter__error">
                  {t(`filters.tagProblem.${problem}`)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {rows.length < MAX_ROWS && (
        <button
          type="button"
          className="button button--link tags-filter__add"
          onClick={() => onChange([...rows, EMPTY_TAG_ROW])}
        >
          {t('filters.addTag')}
        </button>
      )}
    </fieldset>
  );
}
