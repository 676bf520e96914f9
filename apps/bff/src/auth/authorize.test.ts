import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { operations } from '../operations.ts';
import { authorize, requireRole } from './authorize.ts';

const req = (user?: SessionUser) => ({ user }) as unknown as Request;
const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof ApiError ? err.code : 'other';
  }
};

describe('requireRole', () => {
  it('401 without a user, 403 below the role, allowed at or above it', () => {
    expect(codeOf(() => requireRole(req(), 'viewer'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRole(req({ username: 'v', role: 'viewer' }), 'operator'))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(() => requireRole(req({ username: 'o', role: 'operator' }), 'operator')),
    ).toBeUndefined();
    expect(
      codeOf(() => requireRole(req({ username: 'a', role: 'admin' }), 'operator')),
    ).toBeUndefined();
    expect(codeOf(() => requireRole(req({ username: 'o', role: 'operator' }), 'admin'))).toBe(
      'FORBIDDEN',
    );
  });

  it('denies by default: a missing or unknown role lets no one through, not even admin', () => {
    const admin = req({ username: 'a', role: 'admin' });
    expect(codeOf(() => requireRole(admin, undefined))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(admin, 'superuser' as Role))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(req(), undefined))).toBe('UNAUTHENTICATED');
  });

  it('authorize applies the catalogue entry’s role', async () => {
    const op = operations.find((o) => o.id === 'dli.deleteEnhancedConnection')!;
    await expect(authorize(req({ username: 'v', role: 'viewer' }), op)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(authorize(req({ username: 'o', role: 'operator' }), op)).resolves.toBeUndefined();
    const roleless = { ...op, def: { ...op.def, role: undefined as unknown as Role } };
    await expect(authorize(req({ username: 'a', role: 'admin' }), roleless)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
