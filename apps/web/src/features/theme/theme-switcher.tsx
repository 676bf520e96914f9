import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, currentThemeChoice, isThemeChoice, setThemeChoice } from './theme-choice.ts';

/** The header's System / Light / Dark switch. */
export function ThemeSwitcher() {
  const { t } = useTranslation('theme');
  const id = useId();
  const [choice, setChoice] = useState(currentThemeChoice);
  return (
    <span className="theme-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('label')}
      </label>
      <select
        id={id}
        className="select select--header"
        value={choice}
        onChange={(e) => {
          const next = e.target.value;
          if (!isThemeChoice(next)) return;
          setThemeChoice(next);
          setChoice(next);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`choices.${c}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
