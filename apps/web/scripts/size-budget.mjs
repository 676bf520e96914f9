#!/usr/bin/env node
// `pnpm --filter web size`, step 1: stages the built JS by what loads it, so that size-limit
// (.size-limit.json, step 2) can budget bytes that have content-hashed names:
//   dist/.size-budget/list-page-initial/  what the first paint of /connections needs
//   dist/.size-budget/first-answer/        the first answers' schemas (and zod/mini), loaded alongside
//                                          the first request
//   dist/.size-budget/list-visible/        all a signed-in user loads until the list's rows show
//   dist/.size-budget/fleet-list-visible/  the same for the merged fleet list
//   dist/.size-budget/catalogue/           the rest of the catalogue with zod, on the first other answer
//   dist/.size-budget/lazy/<feature>/      what that feature's lazily loaded pages add on top
// Fails when a page other than the list is loaded up front, or when the budgets and the build
// disagree (a feature without a budget, a budget that matches nothing).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LIST_PAGE_SRC,
  bundleGroups,
  entryKey,
  featurePagesIn,
  jsFiles,
  readManifest,
  routeChunks,
  staticClosure,
} from './bundle-graph.mjs';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distArg = process.argv.indexOf('--dist');
const distDir =
  distArg > 0 && process.argv[distArg + 1]
    ? resolve(process.argv[distArg + 1])
    : join(webDir, 'dist');
const stageDir = join(distDir, '.size-budget');

function fail(message) {
  console.error(`size budget: ${message}`);
  process.exit(1);
}

let groups;
try {
  groups = bundleGroups(readManifest(distDir));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

const eager = [
  ...new Set([...groups.eager, ...featurePagesIn(distDir, groups.initialFiles)]),
].filter((p) => p !== LIST_PAGE_SRC);
if (eager.length > 0) {
  fail(
    `pages loaded with the first paint instead of lazily: ${eager.join(', ')} (route them with lazyRouteComponent(() => import(...)) and import nothing else from those files)`,
  );
}

rmSync(stageDir, { recursive: true, force: true });
const stage = (files, dir) => {
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(distDir, file), join(dir, basename(file)));
};
stage(groups.initialFiles, join(stageDir, 'list-page-initial'));
stage(groups.firstAnswerFiles, join(stageDir, 'first-answer'));
stage(groups.catalogueFiles, join(stageDir, 'catalogue'));
const areas = new Map();
for (const page of groups.lazy)
  areas.set(page.area, [...(areas.get(page.area) ?? []), ...page.filesAfterFirstAnswer]);
for (const [area, files] of areas) stage([...new Set(files)], join(stageDir, 'lazy', area));

// Every script Chromium loads until a list's rows are visible: the entry, the list page and their
// static imports, the schemas the first answers need, the chunks the page and the header import
// lazily as they render (they arrive in parallel with the rows), and index.html's theme script.
const FLEET_LIST_SRC = 'src/features/fleet/fleet-list-page.tsx';
const HEADER_UI_SRCS = [
  'src/features/fleet/target-switcher.tsx',
  'src/features/fleet/target-mark.tsx',
  'src/features/theme/theme-switcher.tsx',
];
const LIST_UI_SRCS = ['src/features/connections/saved-views.tsx'];
const THEME_SCRIPT = 'theme.js';
{
  const manifest = readManifest(distDir);
  const routes = routeChunks(manifest);
  const keysOf = (srcs) =>
    srcs.map((src) => {
      const route = routes.find((r) => r.src === src);
      if (!route) fail(`${src} is not a lazily loaded chunk in the build (moved? update scripts/size-budget.mjs)`);
      return route.key;
    });
  if (!existsSync(join(distDir, THEME_SCRIPT))) fail(`${THEME_SCRIPT} is not in the build (index.html no longer loads it? update scripts/size-budget.mjs)`);
  const visible = (pageSrc, uiSrcs, dir) => {
    const keys = new Set([
      ...staticClosure(manifest, [entryKey(manifest), ...keysOf([pageSrc, ...uiSrcs])]),
      ...staticClosure(manifest, [groups.firstAnswerKey]),
    ]);
    stage([...jsFiles(manifest, keys), THEME_SCRIPT], join(stageDir, dir));
  };
  visible(LIST_PAGE_SRC, [...HEADER_UI_SRCS, ...LIST_UI_SRCS], 'list-visible');
  visible(FLEET_LIST_SRC, HEADER_UI_SRCS, 'fleet-list-visible');
}

const config = JSON.parse(readFileSync(join(webDir, '.size-limit.json'), 'utf8'));
const paths = config.flatMap((check) => (Array.isArray(check.path) ? check.path : [check.path]));
const problems = [];
for (const area of areas.keys()) {
  if (!paths.some((p) => p.includes(`.size-budget/lazy/${area}/`))) {
    problems.push(
      `the lazily loaded pages of features/${area} have no budget: add {"name": "lazy: ${area}", "path": "dist/.size-budget/lazy/${area}/*.js", "gzip": true, "limit": "…"} to .size-limit.json`,
    );
  }
}
for (const p of paths) {
  const m = /\.size-budget\/(.+)\/\*\.js$/.exec(p);
  if (m && !existsSync(join(stageDir, m[1])))
    problems.push(
      `"${p}" in .size-limit.json matches no file of this build (feature removed? drop its entry)`,
    );
}
if (problems.length > 0) fail(problems.join('\n'));
console.log(
  `size budget: staged ${groups.initialFiles.length} files for the list page's first paint and ${areas.size} lazily loaded features`,
);
