import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The BFF listens on 127.0.0.1:8080 by default (design.md); the dev server forwards to it so the
// session cookie stays same-origin, exactly as in production where the BFF serves this build.
const bff = 'http://127.0.0.1:8080';

/** The BFF's CSP allows no inline script: fail the build rather than ship a page that cannot start. */
function noInlineScripts(): Plugin {
  return {
    name: 'dsc:no-inline-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
          ([, attrs = '', body = '']) => !/\bsrc=/.test(attrs) || body.trim() !== '',
        );
        if (inline.length > 0)
          throw new Error("index.html must not contain inline scripts (CSP script-src 'self')");
        if (/\son[a-z]+=/i.test(html))
          throw new Error('index.html must not contain inline event handlers');
        return html;
      },
    },
  };
}

/**
 * React's API from Preact (docs/decisions/006-preact-compat.md): the production build and the
 * unit tests render with preact/compat, so what is tested is what ships. The dev server keeps
 * React, for Fast Refresh.
 */
const preactCompat = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  // CommonJS that require()s React itself: an ESM equivalent on top of the aliases above.
  {
    find: /^use-sync-external-store(\/shim)?(\/index|\/with-selector)?(\.js)?$/,
    replacement: fileURLToPath(
      new URL('./src/lib/preact-compat/use-sync-external-store.ts', import.meta.url),
    ),
  },
];

export default defineConfig(({ command }) => ({
  plugins: [react(), noInlineScripts()],
  resolve: { alias: command === 'build' || process.env.VITEST ? preactCompat : [] },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: bff },
      '/healthz': { target: bff },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: the bundle budget (scripts/size-budget.mjs) reads the chunk graph.
    manifest: true,
    // Keep every asset a file: the server's CSP allows scripts and images from 'self' only.
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // Libraries change far less often than the app: separate files stay cached across deploys.
        manualChunks(id) {
          // One chunk per on-demand language (lib/i18n.ts), rather than one per translation file.
          const strings = /\/src\/(?:.+\/)?i18n\/(?:[\w-]+\.)?([a-zA-Z]{2}(?:-[A-Za-z]+)?)\.json$/.exec(id);
          if (strings?.[1] && strings[1] !== 'en') return `strings-${strings[1]}`;
          if (!id.includes('/node_modules/')) return undefined;
          // preact/compat stands in for React in the build (see preactCompat above).
          if (/\/node_modules\/preact\//.test(id)) return 'preact';
          if (
            /\/node_modules\/@tanstack\/(react-router|router-core|history|store|react-store)\//.test(
              id,
            )
          )
            return 'router';
          if (/\/node_modules\/@tanstack\/(react-query|query-core)\//.test(id)) return 'query';
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          // zod/mini and the core it shares with zod: all the first answers need (@dsc/api-types/answers),
          // apart from zod's own API, which the rest of the catalogue brings when it loads.
          if (/\/node_modules\/zod\/(?:v4\/(?:core\/(?:core|parse|errors|schemas|checks|util|regexes|versions|registries|doc|api)\.js$|mini\/)|mini\/)/.test(id)) return 'zod-core';
          if (/\/node_modules\/zod\//.test(id)) return 'zod';
          return undefined;
        },
      },
    },
  },
}));
