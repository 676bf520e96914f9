import { defineConfig } from 'vitest/config';

// Without its own config, `vitest run` here would pick up the workspace root's projects list.
export default defineConfig({
  test: {
    name: 'cloud-sim',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
