import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config-rules.ts';
import { roleOn } from '../../targets/roles.ts';
import { grantsFor, loadRoleMap } from './role-map.ts';

const MAP = {
  'dli-ops': { '*': 'operator' },
  'dli-admins': { '*': 'admin' },
  auditors: { 'prod-bj4': 'viewer', default: 'viewer' },
  'bj4-admins': { 'prod-bj4': 'admin' },
} as const;

const KNOWN = new Set(['default', 'prod-bj4']);

describe('CONSOLE_ROLE_MAP', () => {
  it('grants the highest role of any mapped group, per target', () => {
    // Ops on every target beats auditors on two: the named targets are raised to operator.
    expect(grantsFor(MAP, ['auditors', 'dli-ops', 'unmapped'])).toEqual({
      '*': 'operator',
      'prod-bj4': 'operator',
      default: 'operator',
    });
    expect(grantsFor(MAP, ['dli-ops', 'dli-admins'])).toEqual({ '*': 'admin' });
    expect(grantsFor(MAP, ['auditors', 'bj4-admins'])).toEqual({
      'prod-bj4': 'admin',
      default: 'viewer',
    });
    expect(grantsFor(MAP, ['marketing', 'toString', '__proto__'])).toEqual({});
  });

  it('the role on a target (targets/roles.ts roleOn) is the highest any group gives there', () => {
    const g = grantsFor(MAP, ['auditors', 'dli-ops']);
    expect(roleOn(g, 'default')).toBe('operator');
    expect(roleOn(g, 'prod-bj4')).toBe('operator');
    expect(roleOn(grantsFor(MAP, ['bj4-admins']), 'default')).toBeUndefined();
    expect(roleOn(grantsFor(MAP, ['bj4-admins']), 'prod-bj4')).toBe('admin');
  });

  it('refuses a file that is missing, not JSON, or maps to unknown roles, naming the setting', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-role-map-'));
    const write = (text: string) => {
      const f = path.join(dir, `${Math.random()}.json`);
      writeFileSync(f, text);
      return f;
    };
    const problem = (file: string) => {
      try {
        loadRoleMap(file, KNOWN);
        return '';
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).settings).toEqual(['CONSOLE_ROLE_MAP']);
        return (err as Error).message;
      }
    };
    try {
      expect(problem(path.join(dir, 'none.json'))).toMatch(/cannot be read/);
      expect(problem(write('{'))).toMatch(/is not valid JSON/);
      expect(problem(write('{}'))).toMatch(/maps no groups/);
      expect(problem(write('["ops"]'))).toMatch(/must be a JSON object/);
      expect(problem(write('{"ops":{"*":"root"}}'))).toMatch(
        /ops\.\*: must be one of viewer, operator, admin/,
      );
      expect(problem(write('{"ops":{"a b":"viewer"}}'))).toMatch(
        /ops\.a b: has a key that is neither "\*" nor a target id/,
      );
      expect(problem(write('{"ops":{"staging":"viewer"}}'))).toMatch(
        /ops: names no configured target \("staging"\)/,
      );
      expect(loadRoleMap(write(JSON.stringify(MAP)), KNOWN)).toEqual(MAP);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
