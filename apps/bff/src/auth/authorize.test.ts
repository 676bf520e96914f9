import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { operations } from '../operations.ts';
import { contextOf } from '../request-context.ts';
import type { Target } from '../targets/targets.ts';
import { authorize, requireRole } from './authorize.ts';

const req = (user?: SessionUser, target = 'default') => {
  const r = { user } as unknown as Request;
  contextOf(r).target = { id: target } as Target;
  return r;
};
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
    expect(codeOf(() => requireRole(req({ username: 'v', role: 'viewer', targets: { default: 'viewer' } }), 'operator'))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(() => requireRole(req({ username: 'o', role: 'operator', targets: { default: 'operator' } }), 'operator')),
    ).toBeUndefined();
    expect(
      codeOf(() => requireRole(req({ username: 'a', role: 'admin', targets: { default: 'admin' } }), 'operator')),
    ).toBeUndefined();
    expect(codeOf(() => requireRole(req({ username: 'o', role: 'operator', targets: { default: 'operator' } }), 'admin'))).toBe(
      'FORBIDDEN',
    );
  });

  it('denies by default: a missing or unknown role lets no one through, not even admin', () => {
    const admin = req({ username: 'a', role: 'admin', targets: { default: 'admin' } });
    expect(codeOf(() => requireRole(admin, undefined))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(admin, 'superuser' as Role))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(req(), undefined))).toBe('UNAUTHENTICATED');
  });

  it('authorize applies the catalogue entry’s role', async () => {
    const op = operations.find((o) => o.id === 'dli.deleteEnhancedConnection')!;
    await expect(authorize(req({ username: 'v', role: 'viewer', targets: { default: 'viewer' } }), op)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(authorize(req({ username: 'o', role: 'operator', targets: { default: 'operator' } }), op)).resolves.toBeUndefined();
    // A role on another target only: none here.
    await expect(authorize(req({ username: 'o', role: 'operator', targets: { prod: 'operator' } }), op)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(authorize(req({ username: 'o', role: 'viewer', targets: { prod: 'operator', default: 'viewer' } }, 'prod'), op)).resolves.toBeUndefined();
    const roleless = { ...op, def: { ...op.def, role: undefined as unknown as Role } };
    await expect(authorize(req({ username: 'a', role: 'admin', targets: { default: 'admin' } }), roleless)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
