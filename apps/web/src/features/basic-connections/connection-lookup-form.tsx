import { pathId } from '@dsc/api-types';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Basic connections cannot be listed upstream, only fetched by id: ask for the id. */
export function ConnectionLookupForm({ initialId = '' }: { initialId?: string }) {
  const { t } = useTranslation('basic-connections');
  const navigate = useNavigate();
  const inputId = useId();
  const errorId = useId();
  const [invalid, setInvalid] = useState(false);

  return (
    <form
      className="toolbar"
      role="search"
      aria-label={t('lookup.label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const id = String(new FormData(e.currentTarget).get('connectionId') ?? '').trim();
        const ok = pathId.safeParse(id).success;
        setInvalid(!ok);
        if (ok)
          void navigate({ to: '/basic-connections/$connectionId', params: { connectionId: id } });
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{t('lookup.id')}</label>
        <input
          id={inputId}
          name="connectionId"
          data-filter-shortcut=""
          aria-keyshortcuts="/"
          className="input lookup-input"
          defaultValue={initialId}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
        />
        {invalid && (
          <span id={errorId} className="field-error">
            {t('lookup.invalid')}
          </span>
        )}
      </div>
      <button type="submit" className="button button--primary">
        {t('lookup.submit')}
      </button>
    </form>
  );
}
