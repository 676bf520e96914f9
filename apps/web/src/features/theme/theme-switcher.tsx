import { useState } from 'react';
import { useDetailsPopover } from '../../ui/use-details-popover.ts';
import { useTranslation } from 'react-i18next';
import {
  THEME_CHOICES,
  currentThemeChoice,
  setThemeChoice,
  type ThemeChoice,
} from './theme-choice.ts';
import './theme-switcher.css';

/**
 * The header's System / Light / Dark switch: an icon-sized disclosure (the header has no room for
 * another labelled select at 1280 px) over three radio buttons. Like the column chooser it closes
 * on Escape, returning focus to its button, and on a click elsewhere.
 */
export function ThemeSwitcher() {
  const { t } = useTranslation('theme');
  const { props: popover } = useDetailsPopover();
  const [choice, setChoice] = useState<ThemeChoice>(currentThemeChoice);

  return (
    <details {...popover} className="theme-switcher">
      <summary className="button theme-switcher__toggle" title={t('label')}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">{t('button', { choice: t(`choices.${choice}`) })}</span>
      </summary>
      <fieldset className="theme-switcher__panel">
        <legend className="theme-switcher__legend">{t('label')}</legend>
        {THEME_CHOICES.map((c) => (
          <label key={c} className="theme-switcher__option">
            <input
              type="radio"
              name="dsc-theme"
              value={c}
              checked={choice === c}
              onChange={() => {
                setThemeChoice(c);
                setChoice(c);
              }}
            />
            {t(`choices.${c}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
