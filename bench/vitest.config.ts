import { defineConfig } from 'vitest/config';

// Only the helpers have unit tests; the benchmarks themselves are scripts that print figures.
export default defineConfig({
  test: { name: 'bench', include: ['lib/**/*.test.ts'], environment: 'node' },
});
