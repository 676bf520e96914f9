import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('returnTo', () => {
  it('keeps paths of the console with their query and fragment', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
    expect(safeReturnTo('/connections?state=FAILED#x')).toBe('/connections?state=FAILED#x');
    expect(safeReturnTo('/a/../audit')).toBe('/audit');
  });

  it('refuses anything that could leave the console or land on the API', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'connections',
      '/\t/evil.example',
      '/api/session',
      '/api',
      '/x/../api/audit',
      `/${'a'.repeat(2001)}`,
    ]) {
      expect(safeReturnTo(bad), bad).toBeUndefined();
    }
  });
});
