// The colour theme is applied by public/theme.js, which runs before the first paint; this module
// only records the reader's choice and tells that script about it.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Shared with public/theme.js. */
export const THEME_STORAGE_KEY = 'dsc.theme';
export const THEME_EVENT = 'dsc:theme';

export function isThemeChoice(v: unknown): v is ThemeChoice {
  return typeof v === 'string' && (THEME_CHOICES as readonly string[]).includes(v);
}

/** The choice in force, as public/theme.js recorded it on <html>. */
export function currentThemeChoice(): ThemeChoice {
  const c = document.documentElement.getAttribute('data-theme-choice');
  return isThemeChoice(c) ? c : 'system';
}

/** Applies a choice now and remembers it for the next visit ("system" is remembered by forgetting). */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private mode or a full quota: the choice still applies to this visit.
  }
  document.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: choice }));
}
