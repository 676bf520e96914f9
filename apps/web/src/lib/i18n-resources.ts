import type { Resource, ResourceLanguage } from 'i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
export const SHELL_NAMESPACE = 'common';

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/**
 * Turns glob-imported JSON files into i18next resources. Three layouts are understood:
 *   .../i18n/<namespace>.<language>.json              shell namespaces (src/i18n/common.en.json)
 *   .../features/<area>/i18n/<language>.json          one namespace per feature, named after <area>
 *   .../features/<area>/i18n/<part>.<language>.json   more top-level keys for the same namespace
 * so a feature (or one part of it) adds its strings by adding files, without touching a shared one.
 */
export function buildResources(modules: Record<string, unknown>): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [file, content] of Object.entries(modules)) {
    const key = namespaceAndLanguage(file);
    if (!key) throw new Error(`i18n: cannot tell namespace and language from ${file}`);
    if (!isLanguage(key.language)) throw new Error(`i18n: unsupported language in ${file}`);
    if (typeof content !== 'object' || content === null)
      throw new Error(`i18n: ${file} is not an object`);
    const lang = (resources[key.language] ??= {});
    const ns = (lang[key.namespace] ??= {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(content)) {
      if (k in ns) throw new Error(`i18n: key ${key.namespace}:${k} is defined twice (${file})`);
      ns[k] = v;
    }
  }
  return resources;
}

/** The language a translation file holds, by the same naming rules as buildResources. */
export function languageOfFile(file: string): string | undefined {
  return namespaceAndLanguage(file)?.language;
}

/**
 * The strings of one language from lazily imported translation files (`import.meta.glob` without
 * `eager`): only that language's files are imported.
 */
export async function loadResources(
  files: Record<string, () => Promise<unknown>>,
  lng: Language,
): Promise<ResourceLanguage> {
  const mine = Object.entries(files).filter(([file]) => languageOfFile(file) === lng);
  const loaded = await Promise.all(mine.map(async ([file, load]) => [file, await load()] as const));
  return buildResources(Object.fromEntries(loaded))[lng] ?? {};
}

function namespaceAndLanguage(file: string): { namespace: string; language: string } | undefined {
  const feature = /\/features\/([^/]+)\/i18n\/(?:[a-z0-9-]+\.)?([a-zA-Z]{2}(?:-[A-Za-z]+)?)\.json$/.exec(file);
  if (feature?.[1] && feature[2]) return { namespace: feature[1], language: feature[2] };
  const shell = /\/i18n\/([^/.]+)\.([^/]+)\.json$/.exec(file);
  if (shell?.[1] && shell[2]) return { namespace: shell[1], language: shell[2] };
  return undefined;
}

/** A stored choice wins; otherwise the first browser language we have (any zh-* → zh-CN). */
export function detectLanguage(
  stored: string | null | undefined,
  browser: readonly string[],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
