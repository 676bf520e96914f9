import { AUDIT_OUTCOMES } from '@dsc/api-types/meta';
import { useTranslation } from 'react-i18next';
import { useTargets } from '../../lib/targets.ts';
import { FilterField } from '../../ui/filter-field.tsx';
import { FilterForm } from '../../ui/filter-form.tsx';
import { operationName } from './operation-name.ts';
import { AUDIT_OPERATIONS, filtersFromForm, type AuditFilters as Filters } from './search.ts';

export interface AuditFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  onReset: () => void;
}

/** User, operation, target, outcome and a range of days; what is applied is what the URL says. */
export function AuditFilters({ filters, onChange, onReset }: AuditFiltersProps) {
  const { t, i18n } = useTranslation('audit');
  // Date pickers otherwise follow the browser's locale, not the language chosen in the header.
  const lang = i18n.resolvedLanguage ?? i18n.language;
  // The targets this admin holds a role on; a link may name another (its entries are simply none).
  const known = useTargets() ?? [];
  const targets =
    filters.targetId && !known.some((k) => k.id === filters.targetId)
      ? [{ id: filters.targetId, name: filters.targetId }, ...known]
      : known;
  // A link may name an operation the list does not know (e.g. one refused before routing).
  const operations =
    filters.operation && !AUDIT_OPERATIONS.includes(filters.operation)
      ? [filters.operation, ...AUDIT_OPERATIONS]
      : AUDIT_OPERATIONS;

  return (
    <FilterForm
      key={JSON.stringify(filters)}
      label={t('filters.label')}
      applyLabel={t('filters.apply')}
      resetLabel={t('filters.reset')}
      onApply={(form) => onChange(filtersFromForm(form))}
      onReset={onReset}
    >
      <FilterField label={t('filters.user')}>
        {({ id }) => (
          <input
            id={id}
            name="user"
            type="search"
            data-filter-shortcut=""
            aria-keyshortcuts="/"
            className="input"
            maxLength={64}
            defaultValue={filters.user ?? ''}
            autoComplete="off"
          />
        )}
      </FilterField>
      <FilterField label={t('filters.operation')}>
        {({ id }) => (
          <select
            id={id}
            name="operation"
            className="select audit__operation-filter"
            defaultValue={filters.operation ?? ''}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('filters.anyOperation')}</option>
            {operations.map((op) => (
              <option key={op} value={op}>
                {operationName(t, op)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('filters.target')}>
        {({ id }) => (
          <select
            id={id}
            name="targetId"
            className="select"
            defaultValue={filters.targetId ?? ''}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('filters.anyTarget')}</option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name === target.id ? target.id : t('filters.targetOption', { name: target.name, id: target.id })}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('filters.outcome')}>
        {({ id }) => (
          <select
            id={id}
            name="outcome"
            className="select"
            defaultValue={filters.outcome ?? ''}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
          >
            <option value="">{t('filters.anyOutcome')}</option>
            {AUDIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label={t('filters.from')}>
        {({ id }) => (
          <input id={id} name="from" type="date" lang={lang} className="input" defaultValue={filters.from ?? ''} />
        )}
      </FilterField>
      <FilterField label={t('filters.to')}>
        {({ id }) => (
          <input
            id={id}
            name="to"
            type="date"
            lang={lang}
            className="input"
            min={filters.from}
            defaultValue={filters.to ?? ''}
          />
        )}
      </FilterField>
    </FilterForm>
  );
}
