// The production server: the BFF (src/main.ts) and the root launcher (scripts/launch.ts, which
// `pnpm start` runs) bundled by esbuild into dist/, so a start loads JavaScript only and no
// TypeScript loader. dist/ sits beside src/, so paths the code derives from its own location
// (config.ts's BFF_DIR) come out the same.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// iconv-lite's CJK code tables (about 460 KB, a fifth of what a start parsed) are left out. The
// BFF reads bodies as bytes (express.raw decodes nothing) or as JSON, which body-parser takes in
// UTF-8/16/32 only (415 otherwise), so no table is ever required; were one, the require throws.
const withoutCjkTables = {
  name: 'without-iconv-cjk-tables',
  setup(b) {
    b.onLoad({ filter: /[\\/]iconv-lite[\\/]encodings[\\/]tables[\\/][^\\/]+\.json$/ }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${basename(args.path)} of iconv-lite is not in this build (apps/bff/build.mjs)`)});`,
      loader: 'js',
    }));
  },
};

const common = {
  outdir: here('./dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // pg's optional native binding is never installed; the pure-JS client is used.
  external: ['pg-native'],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  // Less for V8 to scan at every start (about a third of the bytes). Identifiers keep their names,
  // so a stack trace still reads; the linked source map (node --enable-source-maps) gives lines.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [withoutCjkTables],
};

// Chunk names change with their contents: a fresh dist/ leaves no stale ones behind.
rmSync(here('./dist'), { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: {
      main: here('./src/main.ts'),
      // Started by routes/body-checker.ts as a worker thread, from beside main.js (or launch.js).
      'body-worker': here('./src/routes/body-worker.ts'),
    },
    // What only some deployments use (pg and Kysely with DATABASE_URL, ioredis and
    // rate-limiter-flexible with REDIS_URL) is imported with import() and lands in chunks of its
    // own, so a start without them does not parse them (decision 020).
    splitting: true,
    // Chunks sit beside main.js: config.ts and body-checker.ts find apps/bff/ and body-worker.js
    // from their own location, whichever file they land in.
    chunkNames: '[name]-[hash]',
  }),
  // A build of its own: chunks shared with main.js would make main.js load what the launcher
  // needs (the simulator, zod's whole namespace). One file, as before.
  build({ ...common, entryPoints: { launch: here('../../scripts/launch.ts') } }),
]);
