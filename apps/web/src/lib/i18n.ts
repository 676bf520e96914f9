import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  SHELL_NAMESPACE,
  buildResources,
  detectLanguage,
  loadResources,
  type Language,
} from './i18n-resources.ts';

const STORAGE_KEY = 'dsc.language';

// English is the fallback language (a key another language lacks is shown in English), so its
// strings are always in the bundle. Every other language is a chunk of its own (vite.config.ts),
// loaded when it is the reader's or when they switch to it: the first paint carries one language
// rather than all (issue 7).
const bundled = buildResources(
  import.meta.glob(
    ['../i18n/*.en.json', '../features/*/i18n/en.json', '../features/*/i18n/*.en.json'],
    { eager: true, import: 'default' },
  ),
);
const onDemand = import.meta.glob(
  [
    '../i18n/*.json',
    '../features/*/i18n/*.json',
    '!../i18n/*.en.json',
    '!../features/*/i18n/en.json',
    '!../features/*/i18n/*.en.json',
  ],
  { import: 'default' },
);

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

const initialLanguage = detectLanguage(readStoredLanguage(), browserLanguages());

void i18n.use(initReactI18next).init({
  resources: bundled,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  ns: Object.keys(bundled[DEFAULT_LANGUAGE] ?? {}),
  defaultNS: SHELL_NAMESPACE,
  fallbackNS: SHELL_NAMESPACE,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

const loading = new Map<Language, Promise<void>>();

/** Adds a language's strings to i18next, once; English is always there. */
export function loadLanguage(lng: Language): Promise<void> {
  if (lng === DEFAULT_LANGUAGE) return Promise.resolve();
  let p = loading.get(lng);
  if (!p) {
    p = loadResources(onDemand, lng).then((namespaces) => {
      for (const [ns, strings] of Object.entries(namespaces)) {
        i18n.addResourceBundle(lng, ns, strings, true, true);
      }
    });
    // A failed load (network, a replaced deploy) may be tried again.
    p.catch(() => loading.delete(lng));
    loading.set(lng, p);
  }
  return p;
}

/**
 * Settles once the reader's language can be shown. main.tsx renders after it, so a Chinese
 * reader never sees English first; if the strings cannot load, the page shows in English.
 */
export const i18nReady: Promise<void> = loadLanguage(initialLanguage)
  // i18next resolved the language at init, before its strings were here (so to English): resolve again.
  .then(() => i18n.changeLanguage(initialLanguage))
  .then(
    () => undefined,
    () => undefined,
  );

/** Switches the UI language and remembers the choice for the next visit. */
export async function setLanguage(lng: Language): Promise<void> {
  await loadLanguage(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or a full quota: the switch still applies to this visit.
  }
  await i18n.changeLanguage(lng);
}

export { i18n };
