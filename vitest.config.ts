import { defineConfig } from 'vitest/config';

// One Vitest run over every package (each keeps its own vitest.config when it has one), so
// `pnpm test` gets one report; `turbo run test` still runs them package by package.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'bench'],
  },
});
