import type { MrsSourceType } from '@dsc/api-types';
import { MRS_SOURCE_TYPES } from '@dsc/api-types/meta';
import { useTranslation } from 'react-i18next';
import { FilterField } from '../../ui/filter-field.tsx';
import { FilterForm } from '../../ui/filter-form.tsx';
import type { MrsSearch } from './search.ts';
import { sourceTypeLabel } from './source-type-label.ts';

export interface DataConnectorFiltersProps {
  search: MrsSearch;
  onChange: (filters: { name: string | undefined; type: MrsSourceType | undefined }) => void;
  onReset: () => void;
}

export function DataConnectorFilters({ search, onChange, onReset }: DataConnectorFiltersProps) {
  const { t } = useTranslation('mrs');

  return (
    <FilterForm
      key={`${search.name ?? ''}|${search.type ?? ''}`}
      label={t('filters.label')}
      applyLabel={t('filters.apply')}
      resetLabel={t('filters.reset')}
      onApply={(form) =>
        onChange({
          name: String(form.get('name') ?? '').trim() || undefined,
          type: MRS_SOURCE_TYPES.find((s) => s === form.get('type')),
        })
      }
      onReset={onReset}
    >
      <FilterField label={t('filters.name')}>
        {({ id }) => (
          <input
            id={id}
            name="name"
            type="search"
            data-filter-shortcut=""
            aria-keyshortcuts="/"
            className="input"
            maxLength={64}
            defaultValue={search.name ?? ''}
            autoComplete="off"
          />
        )}
      </FilterField>
      <FilterField label={t('filters.sourceType')}>
        {({ id }) => (
          <select
            id={id}
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
        )}
      </FilterField>
    </FilterForm>
  );
}
