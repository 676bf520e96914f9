import { AUDIT_OUTCOMES } from '@dsc/api-types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OPERATIONS, filtersFromForm, type AuditFilters as Filters } from './search.ts';

export interface AuditFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  onReset: () => void;
}

/** User, operation, outcome and a range of days; what is applied is what the URL says. */
export function AuditFilters({ filters, onChange, onReset }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const ids = { user: useId(), operation: useId(), outcome: useId(), from: useId(), to: useId() };
  // A link may name an operation the list does not know (e.g. one refused before routing).
  const operations =
    filters.operation && !AUDIT_OPERATIONS.includes(filters.operation)
      ? [filters.operation, ...AUDIT_OPERATIONS]
      : AUDIT_OPERATIONS;

  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('filters.label')}
      // Remount when the URL changes (Back/Forward, reset) so the inputs show what is applied.
      key={JSON.stringify(filters)}
      onSubmit={(e) => {
        e.preventDefault();
        onChange(filtersFromForm(new FormData(e.currentTarget)));
      }}
    >
      <div className="field">
        <label htmlFor={ids.user}>{t('filters.user')}</label>
        <input
          id={ids.user}
          name="user"
          type="search"
          className="input"
          maxLength={64}
          defaultValue={filters.user ?? ''}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.operation}>{t('filters.operation')}</label>
        <select
          id={ids.operation}
          name="operation"
          className="select"
          defaultValue={filters.operation ?? ''}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t('filters.anyOperation')}</option>
          {operations.map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.outcome}>{t('filters.outcome')}</label>
        <select
          id={ids.outcome}
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
      </div>
      <div className="field">
        <label htmlFor={ids.from}>{t('filters.from')}</label>
        <input id={ids.from} name="from" type="date" className="input" defaultValue={filters.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('filters.to')}</label>
        <input
          id={ids.to}
          name="to"
          type="date"
          className="input"
          min={filters.from}
          defaultValue={filters.to ?? ''}
        />
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
