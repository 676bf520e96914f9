import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  SHELL_NAMESPACE,
  buildResources,
  detectLanguage,
  type Language,
} from './i18n-resources.ts';

const STORAGE_KEY = 'dsc.language';

const resources = buildResources({
  ...import.meta.glob('../i18n/*.json', { eager: true, import: 'default' }),
  ...import.meta.glob('../features/*/i18n/*.json', { eager: true, import: 'default' }),
});

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(readStoredLanguage(), browserLanguages()),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
  defaultNS: SHELL_NAMESPACE,
  fallbackNS: SHELL_NAMESPACE,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

/** Switches the UI language and remembers the choice for the next visit. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or a full quota: the switch still applies to this visit.
  }
  await i18n.changeLanguage(lng);
}

export { i18n };
