import { MRS_SOURCE_TYPES, type MrsSourceType } from '@dsc/api-types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrsSearch } from './search.ts';
import { sourceTypeLabel } from './source-type-label.ts';

export interface DataConnectorFiltersProps {
  search: MrsSearch;
  onChange: (filters: { name: string | undefined; type: MrsSourceType | undefined }) => void;
  onReset: () => void;
}

export function DataConnectorFilters({ search, onChange, onReset }: DataConnectorFiltersProps) {
  const { t } = useTranslation('mrs');
  const nameId = useId();
  const typeId = useId();

  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('filters.label')}
      // Remount when the URL changes (Back/Forward, reset) so the inputs show what is applied.
      key={`${search.name ?? ''}|${search.type ?? ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        onChange({
          name: String(form.get('name') ?? '').trim() || undefined,
          type: MRS_SOURCE_TYPES.find((s) => s === form.get('type')),
        });
      }}
    >
      <div className="field">
        <label htmlFor={nameId}>{t('filters.name')}</label>
        <input
          id={nameId}
          name="name"
          type="search"
          className="input"
          maxLength={64}
          defaultValue={search.name ?? ''}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={typeId}>{t('filters.sourceType')}</label>
        <select
          id={typeId}
          name="type"
          className="select"
          defaultValue={search.type ?? ''}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t('filters.anyType')}</option>
          {MRS_SOURCE_TYPES.map((s) => (
            <option key={s} value={s}>
              {sourceTypeLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        {t('filters.apply')}
      </button>
      <button type="button" className="button" onClick={onReset}>
        {t('filters.reset')}
      </button>
    </form>
  );
}
