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

export default defineConfig({
  plugins: [react(), noInlineScripts()],
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
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler|use-sync-external-store)\//.test(id))
            return 'react';
          if (
            /\/node_modules\/@tanstack\/(react-router|router-core|history|store|react-store)\//.test(
              id,
            )
          )
            return 'router';
          if (/\/node_modules\/@tanstack\/(react-query|query-core)\//.test(id)) return 'query';
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          if (/\/node_modules\/zod\//.test(id)) return 'zod';
          return undefined;
        },
      },
    },
  },
});
