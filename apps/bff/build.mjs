// The production server: the BFF (src/main.ts) and the root launcher (scripts/launch.ts, which
// `pnpm start` runs) bundled by esbuild into dist/, so a start loads one JavaScript file and no
// TypeScript loader. dist/ sits beside src/, so paths the code derives from its own location
// (config.ts's BFF_DIR) come out the same.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

await build({
  entryPoints: {
    main: here('./src/main.ts'),
    launch: here('../../scripts/launch.ts'),
    // Started by routes/body-checker.ts as a worker thread, from beside main.js.
    'body-worker': here('./src/routes/body-worker.ts'),
  },
  outdir: here('./dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // pg's optional native binding is never installed; the pure-JS client is used.
  external: ['pg-native'],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
