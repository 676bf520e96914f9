import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONNECTION_STATUSES,
  type ConnectionStatusFilter,
  type ConnectionsSearch,
} from './search.ts';

export interface ConnectionFiltersProps {
  search: ConnectionsSearch;
  onChange: (filters: {
    name: string | undefined;
    status: ConnectionStatusFilter | undefined;
  }) => void;
  onReset: () => void;
}

export function ConnectionFilters({ search, onChange, onReset }: ConnectionFiltersProps) {
  const { t } = useTranslation('connections');
  const nameId = useId();
  const statusId = useId();

  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('filters.label')}
      // Remount when the URL changes (Back/Forward, reset) so the inputs show what is applied.
      key={`${search.name ?? ''}|${search.status ?? ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        onChange({
          name: String(form.get('name') ?? '').trim() || undefined,
          status: toStatus(form.get('status')),
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
        <label htmlFor={statusId}>{t('filters.status')}</label>
        <select
          id={statusId}
          name="status"
          className="select"
          defaultValue={search.status ?? ''}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t('filters.anyStatus')}</option>
          {CONNECTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
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

function toStatus(v: FormDataEntryValue | null): ConnectionStatusFilter | undefined {
  return CONNECTION_STATUSES.find((s) => s === v);
}
