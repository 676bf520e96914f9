// The chunk graph of the production build, read from Vite's manifest (build.manifest in
// vite.config.ts). Shared by the bundle budget (size-budget.mjs) and the bundle benchmark (bench/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page the console opens on (`/` redirects to `/connections`): its JS belongs to the first paint. */
export const LIST_PAGE_SRC = 'src/features/connections/connections-list-page.tsx';

/**
 * The catalogue's schemas (and zod with them): not in the first paint, but imported by
 * src/lib/api-schemas.ts as the first request starts (the session check), in parallel with it, so
 * they are loaded before any answer is shown and before the user can open another page.
 */
export const FIRST_ANSWER_SRC = '../../packages/api-types/src/index.ts';

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
 * schemas, FIRST_ANSWER_SRC), and per lazily loaded page what it adds on top.
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
  if (!manifest[FIRST_ANSWER_SRC]?.isDynamicEntry)
    throw new Error(
      `${FIRST_ANSWER_SRC} is not a lazily loaded chunk in the build (src/lib/api-schemas.ts no longer imports it? update FIRST_ANSWER_SRC in scripts/bundle-graph.mjs)`,
    );
  const firstAnswer = [...staticClosure(manifest, [FIRST_ANSWER_SRC])].filter(
    (k) => !initial.has(k),
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
    firstAnswerFiles: jsFiles(manifest, firstAnswer),
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
