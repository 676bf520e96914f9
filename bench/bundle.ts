// Benchmark 5, bundle: gzip and brotli bytes of the JS the list page needs for its first paint,
// of the whole app, and of each lazily loaded page, read from the production build's manifest;
// plus which modules the first-paint bytes come from. Run alone: pnpm exec tsx bench/bundle.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  bundleGroups,
  featurePagesIn,
  LIST_PAGE_SRC,
  readManifest,
} from '../apps/web/scripts/bundle-graph.mjs';
import { composition } from './lib/bundle-composition.ts';
import { REPO_ROOT } from './lib/processes.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmtKB, fmtPct } from './lib/stats.ts';

export const INITIAL_JS_BUDGET_GZIP = 150_000;

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const cache = new Map<string, Sizes>();

/** gzip level 9 and brotli quality 11, per file and summed, as size-limit's file plugin counts. */
function sizesOf(distDir: string, files: readonly string[]): Sizes {
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const path = join(distDir, f);
    let one = cache.get(path);
    if (!one) {
      const data = readFileSync(path);
      one = {
        raw: data.length,
        gzip: gzipSync(data, { level: 9 }).length,
        brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          .length,
      };
      cache.set(path, one);
    }
    total.raw += one.raw;
    total.gzip += one.gzip;
    total.brotli += one.brotli;
  }
  return total;
}

const sizeCells = (s: Sizes) => [fmtKB(s.raw), fmtKB(s.gzip), fmtKB(s.brotli)];

export async function runBundle(
  _settings: BenchSettings,
  distDir = process.env.BENCH_WEB_DIST ?? join(REPO_ROOT, 'apps/web/dist'),
): Promise<Section> {
  const s = new SectionBuilder('bundle', '5. Bundle');
  try {
    if (!existsSync(join(distDir, '.vite', 'manifest.json'))) {
      return s
        .skip(
          `no build manifest at ${join(distDir, '.vite/manifest.json')}: build the web app (pnpm --filter web build) with build.manifest on`,
        )
        .build();
    }
    const manifest = readManifest(distDir);
    const g = bundleGroups(manifest);
    const initial = sizesOf(distDir, g.initialFiles);
    const entry = sizesOf(distDir, g.entryFiles);
    // Web workers are emitted beside the chunks but are not in the manifest.
    const allJs = readdirSync(join(distDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
    const workers = allJs.filter((f) => !g.allFiles.includes(f));
    const all = sizesOf(distDir, allJs);
    const initialCss = [
      ...new Set([g.entry, g.listPage.key].flatMap((k) => manifest[k]?.css ?? [])),
    ];

    s.line(
      `Production build in \`${distDir.replace(REPO_ROOT + '/', '')}\`; sizes per file, summed (gzip -9, brotli q11), as the browser fetches them.`,
      '',
    );
    s.table(
      ['JavaScript', 'files', 'raw', 'gzip', 'brotli'],
      [
        [
          'list page first paint: index.html entry + static imports + list page chunk',
          String(g.initialFiles.length),
          ...sizeCells(initial),
        ],
        [
          '  of which index.html entry + its static imports',
          String(g.entryFiles.length),
          ...sizeCells(entry),
        ],
        ['whole app (every JS file, workers included)', String(allJs.length), ...sizeCells(all)],
        ...(workers.length > 0
          ? [
              [
                `  of which web workers (${workers.map((w) => w.replace(/^assets\//, '')).join(', ')})`,
                String(workers.length),
                ...sizeCells(sizesOf(distDir, workers)),
              ],
            ]
          : []),
        [
          'list page first paint: CSS (for information)',
          String(initialCss.length),
          ...sizeCells(sizesOf(distDir, initialCss)),
        ],
      ],
    );

    s.line('**Each lazily loaded page: what opening it fetches beyond the first paint**', '');
    s.table(
      ['page', 'feature', 'files', 'raw', 'gzip', 'brotli'],
      g.lazy.map((p) => [
        p.src.replace(/^src\/features\//, ''),
        p.area,
        String(p.files.length),
        ...sizeCells(sizesOf(distDir, p.files)),
      ]),
    );

    s.line('**First-paint files**', '');
    s.table(
      ['file', 'raw', 'gzip', 'brotli'],
      g.initialFiles
        .map((f) => ({ f, sz: sizesOf(distDir, [f]) }))
        .sort((a, b) => b.sz.gzip - a.sz.gzip)
        .map(({ f, sz }) => [f.replace(/^assets\//, ''), ...sizeCells(sz)]),
    );

    const modules = new Map<string, number>();
    let mapped = 0;
    for (const f of g.initialFiles) {
      const c = composition(join(distDir, f));
      if (!c) continue;
      mapped++;
      for (const [k, v] of c) modules.set(k, (modules.get(k) ?? 0) + v);
    }
    if (mapped > 0) {
      const minified = [...modules.values()].reduce((a, b) => a + b, 0);
      s.line(
        '**Where the first-paint bytes come from** (minified bytes by package or app file, from the source maps; gzip shrinks each to roughly a third)',
        '',
      );
      s.table(
        ['module', 'minified', 'share'],
        [...modules]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([k, v]) => [k, fmtKB(v), fmtPct(v / minified, 1)]),
      );
    } else {
      s.skip('module composition: the build has no source maps');
    }

    const eager = [...new Set([...g.eager, ...featurePagesIn(distDir, g.initialFiles)])].filter(
      (p) => p !== LIST_PAGE_SRC,
    );
    s.target(
      'list page initial JS (gzip)',
      `≤ ${fmtKB(INITIAL_JS_BUDGET_GZIP, 0)}`,
      fmtKB(initial.gzip),
      initial.gzip <= INITIAL_JS_BUDGET_GZIP,
    );
    s.target(
      'every other page lazy-loaded',
      'no other page in the first paint',
      eager.length === 0 ? `${g.lazy.length} pages lazy, none eager` : `eager: ${eager.join(', ')}`,
      eager.length === 0,
    );

    // The CI check itself (apps/web/.size-limit.json), on the same build.
    if (
      distDir === join(REPO_ROOT, 'apps/web/dist') &&
      existsSync(join(REPO_ROOT, 'apps/web/.size-limit.json'))
    ) {
      const r = spawnSync('pnpm', ['--silent', '--filter', 'web', 'size'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      const exceeded = (r.stdout + r.stderr)
        .split('\n')
        .filter((l) => /exceeded|size budget:/i.test(l))
        .map((l) => l.trim());
      s.note(
        `CI budget check \`pnpm --filter web size\`: ${r.status === 0 ? 'passes' : `fails (${exceeded.join('; ') || `exit ${r.status}`})`}`,
      );
    }
    s.note(
      `how measured: chunk graph from dist/.vite/manifest.json (apps/web/scripts/bundle-graph.mjs, shared with the size-limit budget); the list page is ${LIST_PAGE_SRC}, since / redirects to /connections.`,
    );
    return s.build();
  } catch (err) {
    return s.build(err);
  }
}

if (isMain(import.meta.url)) await runStandalone(runBundle);
