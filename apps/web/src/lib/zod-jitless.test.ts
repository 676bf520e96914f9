import { describe, expect, it, vi } from 'vitest';

describe('zod-jitless', () => {
  it('makes zod jitless without importing it, whether zod loads before or after', async () => {
    vi.resetModules();
    delete (globalThis as Record<string, unknown>).__zod_globalConfig;
    // Before zod loads.
    await import('./zod-jitless.ts');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);

    // After: zod already holds its config object.
    z.config({ jitless: false });
    const { makeZodJitless } = await import('./zod-jitless.ts');
    makeZodJitless();
    expect(z.config().jitless).toBe(true);
    z.config({ jitless: true });
  });
});
