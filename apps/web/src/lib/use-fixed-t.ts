import i18n, { type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
i18n.on('languageChanged', () => {
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentLanguage = () => i18n.language;

/**
 * `t` for one namespace in the current language, for the small components a large table mounts
 * by the dozen on every scroll step (status badges, copy buttons, dates, dashes). react-i18next's
 * `useTranslation` copies the whole i18next instance on each mount, which measured about a tenth
 * of the list's scroll work (docs/decisions/008); this hook costs a set entry and a closure.
 * Strings are always loaded before a language becomes current (lib/i18n.ts), so there is no
 * "not ready" state to handle. Pages and forms keep `useTranslation`.
 */
export function useFixedT(ns?: string): { t: TFunction; language: string } {
  const language = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const t = useMemo(() => i18n.getFixedT(language, ns ?? null), [language, ns]);
  return { t, language };
}
