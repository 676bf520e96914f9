// The chunk graph of the production build, read from Vite's manifest (build.manifest in
// vite.config.ts). Shared by the bundle budget (size-budget.mjs) and the bundle benchmark (bench/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page the console opens on (`/` redirects to `/connections`): its JS belongs to the first paint. */
export const LIST_PAGE_SRC = 'src/features/connections/connections-list-page.tsx';

/**
 * The schemas of the first answers (session, targets, list views, saved views) in zod/mini: not in
 * the first paint, but imported by src/lib/api-schemas.ts (loadAnswerSchemas) as the first request
 * starts, in parallel with it, so they are loaded before the list's rows are shown.
 */
export const FIRST_ANSWER_SRC = '../../packages/api-types/src/answers.ts';

/**
 * The whole catalogue with zod (loadApiSchemas): loaded by the first answer that is not one of
 * the above (a detail page, a write, an error body), never before the list's rows.
 */
export const CATALOGUE_SRC = '../../packages/api-types/src/index.ts';

/**
 * @typedef {{ file: string, name?: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk
 * @typedef {Record<string, ManifestChunk>} Manifest
 */

/** @param {string} distDir @returns {Manifest} */
export function readManifest(distDir) {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: build the web app first (pnpm --filter web build; vite.config.ts must keep build.manifest on)`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The key of the lazily loaded chunk that starts at `src`. Vite keys a dynamic entry by its source
 * path, except when Rollup merged the module into a chunk shared with other importers (a module
 * that only re-exports, like answers.ts): that chunk is keyed by file, named after the module.
 * @param {Manifest} manifest @param {string} src @returns {string | undefined}
 */
export function dynamicEntryKey(manifest, src) {
  if (manifest[src]?.isDynamicEntry) return src;
  const name = src.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const keys = Object.keys(manifest).filter(
    (k) => manifest[k]?.isDynamicEntry && !manifest[k]?.src && manifest[k]?.name === name,
  );
  return keys.length === 1 ? keys[0] : undefined;
}

/** @param {Manifest} manifest @returns {string} the key of index.html's entry chunk */
export function entryKey(manifest) {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!key) throw new Error('the manifest has no entry chunk');
  return key;
}

/**
 * Keys reachable from `keys` through static imports: what the browser must load before those
 * chunks run (dynamic imports are fetched later, on demand).
 * @param {Manifest} manifest @param {Iterable<string>} keys @returns {Set<string>}
 */
export function staticClosure(manifest, keys) {
  const seen = new Set();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = /** @type {string} */ (stack.pop());
    if (seen.has(key)) continue;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) stack.push(next);
  }
  return seen;
}

/** @param {Manifest} manifest @param {Iterable<string>} keys @returns {string[]} the JS files of those chunks */
export function jsFiles(manifest, keys) {
  return [
    ...new Set(
      [...keys]
        .map((k) => manifest[k]?.file)
        .filter((f) => typeof f === 'string' && f.endsWith('.js')),
    ),
  ].sort();
}

/**
 * Lazily loaded page chunks (dynamic entries from a .tsx module), keyed by source path, with the
 * feature folder they belong to ("shell" for src/routes).
 * @param {Manifest} manifest @returns {Array<{ key: string, src: string, area: string }>}
 */
export function routeChunks(manifest) {
  return Object.entries(manifest)
    .filter(([, c]) => c.isDynamicEntry && c.src?.endsWith('.tsx'))
    .map(([key, c]) => {
      const src = /** @type {string} */ (c.src);
      const area =
        /^src\/features\/([^/]+)\//.exec(src)?.[1] ??
        (src.startsWith('src/routes/') ? 'shell' : 'other');
      return { key, src, area };
    })
    .sort((a, b) => a.src.localeCompare(b.src));
}

/**
 * The bundle as the budget sees it: the first paint of the list page (entry + its static imports +
 * the list page chunk and its static imports), what the first request loads alongside it (the
 * first answers' schemas, FIRST_ANSWER_SRC), the rest of the catalogue (CATALOGUE_SRC), and per
 * lazily loaded page what it adds on top.
 * `eager` names the pages that are loaded with the first paint although they should be lazy.
 * Throws when the list page is missing.
 * @param {Manifest} manifest
 */
export function bundleGroups(manifest) {
  const entry = entryKey(manifest);
  const entryClosure = staticClosure(manifest, [entry]);
  const routes = routeChunks(manifest);
  const list = routes.find((r) => r.src === LIST_PAGE_SRC);
  if (!list)
    throw new Error(
      `${LIST_PAGE_SRC} is not a lazily loaded chunk in the build (moved? update LIST_PAGE_SRC in scripts/bundle-graph.mjs)`,
    );
  const initial = staticClosure(manifest, [entry, list.key]);
  const eager = routes.filter((r) => r !== list && initial.has(r.key)).map((r) => r.src);
  const firstAnswerKey = dynamicEntryKey(manifest, FIRST_ANSWER_SRC);
  const catalogueKey = dynamicEntryKey(manifest, CATALOGUE_SRC);
  for (const [src, key] of [[FIRST_ANSWER_SRC, firstAnswerKey], [CATALOGUE_SRC, catalogueKey]]) {
    if (!key)
      throw new Error(
        `${src} is not a lazily loaded chunk in the build (src/lib/api-schemas.ts no longer imports it? update scripts/bundle-graph.mjs)`,
      );
  }
  const firstAnswer = [...staticClosure(manifest, [/** @type {string} */ (firstAnswerKey)])].filter(
    (k) => !initial.has(k),
  );
  const catalogue = [...staticClosure(manifest, [/** @type {string} */ (catalogueKey)])].filter(
    (k) => !initial.has(k) && !firstAnswer.includes(k),
  );
  const lazy = routes
    .filter((r) => r !== list)
    .map((r) => {
      const beyondFirstPaint = [...staticClosure(manifest, [r.key])].filter((k) => !initial.has(k));
      return {
        ...r,
        /** What opening this page fetches beyond the first paint. */
        files: jsFiles(manifest, beyondFirstPaint),
        /** …and beyond the first answer's schemas, which are loaded by then. */
        filesAfterFirstAnswer: jsFiles(
          manifest,
          beyondFirstPaint.filter((k) => !firstAnswer.includes(k)),
        ),
      };
    });
  return {
    entry,
    entryFiles: jsFiles(manifest, entryClosure),
    listPage: list,
    initialFiles: jsFiles(manifest, initial),
    firstAnswerKey: /** @type {string} */ (firstAnswerKey),
    firstAnswerFiles: jsFiles(manifest, firstAnswer),
    /** What the rest of the catalogue adds when a page first reads another answer. */
    catalogueFiles: jsFiles(manifest, catalogue),
    eager,
    lazy,
    allFiles: jsFiles(manifest, Object.keys(manifest)),
  };
}

/**
 * Feature pages (src/features/<area>/*-page.tsx) compiled into the given files, read from their
 * source maps: catches a page imported statically, which then has no chunk of its own to flag.
 * @param {string} distDir @param {string[]} files @returns {string[]}
 */
export function featurePagesIn(distDir, files) {
  const pages = new Set();
  for (const file of files) {
    const mapPath = join(distDir, `${file}.map`);
    if (!existsSync(mapPath)) continue;
    /** @type {{ sources?: string[] }} */
    const map = JSON.parse(readFileSync(mapPath, 'utf8'));
    for (const source of map.sources ?? []) {
      const m = /(?:^|\/)(src\/features\/[^/]+\/[^/]+-page\.tsx)$/.exec(source);
      if (m) pages.add(m[1]);
    }
  }
  return [...pages].sort();
}
