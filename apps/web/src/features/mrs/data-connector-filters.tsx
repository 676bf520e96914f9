import type { MrsSourceType } from '@dsc/api-types';
import { MRS_SOURCE_TYPES } from '@dsc/api-types/meta';
import { useTranslation } from 'react-i18next';
import { useUrlDraft } from '../../lib/use-url-draft.ts';
import { LiveNameFilter } from '../../ui/live-name-filter.tsx';
import { FilterField } from '../../ui/filter-field.tsx';
import type { MrsSearch } from './search.ts';
import { sourceTypeLabel } from './source-type-label.ts';

export interface DataConnectorFiltersProps {
  search: MrsSearch;
  /** One changed filter; the page merges it into the URL and goes back to page 1. */
  onChange: (filters: { name?: string | undefined; type?: MrsSourceType | undefined }) => void;
  onReset: () => void;
}

/** Filters applied as they change (the name after a typing pause), like the enhanced connections list. */
export function DataConnectorFilters({ search, onChange, onReset }: DataConnectorFiltersProps) {
  const { t } = useTranslation('mrs');
  const name = useUrlDraft<string>({
    urlValue: search.name ?? '',
    serialise: (v) => v.trim(),
    fromUrl: (v) => v,
    commit: (v) => onChange({ name: v || undefined }),
  });

  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterField label={t('filters.name')}>
        {({ id }) => <LiveNameFilter id={id} name={name} />}
      </FilterField>
      <FilterField label={t('filters.sourceType')}>
        {({ id }) => (
          <select
            id={id}
            name="type"
            className="select"
            value={search.type ?? ''}
            onChange={(e) => onChange({ type: MRS_SOURCE_TYPES.find((s) => s === e.target.value) })}
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
      <button type="button" className="button" onClick={onReset}>
        {t('filters.reset')}
      </button>
    </form>
  );
}
