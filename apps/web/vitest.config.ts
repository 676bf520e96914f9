import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// docs/decisions/006-preact-compat.md: the tests render with preact/compat, as the build does.
// Testing Library's main build is CommonJS and would require React DOM itself; its ESM build goes
// through the aliases instead.
const require = createRequire(import.meta.url);
const rtlEsm = join(dirname(require.resolve('@testing-library/react')), '@testing-library/react.esm.js');

export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    resolve: { alias: [{ find: /^@testing-library\/react$/, replacement: rtlEsm }] },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
      // Libraries that import React go through Vite, so that the Preact aliases reach them too.
      server: {
        deps: {
          inline: [/\/@tanstack\/react-/, /\/react-i18next\//, /\/react-hook-form\//, /\/@hookform\//],
        },
      },
    },
  }),
);
