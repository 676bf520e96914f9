import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n.ts';
import { LANGUAGES, isLanguage } from '../lib/i18n-resources.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="select select--header"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) void setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          // Each language is named in itself, so a reader of either can find theirs.
          <option key={lng} value={lng} lang={lng}>
            {t(`language.names.${lng}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
