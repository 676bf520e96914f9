import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ROLES, fieldErrors, higherRole, type Role, type RoleGrants } from '@dsc/api-types';
import { fail } from '../../config-rules.ts';

/** `*` or a target id. */
const TARGET_KEY = /^(\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** CONSOLE_ROLE_MAP: `{"<group>": {"<targetId>" | "*": "viewer" | "operator" | "admin"}}`. */
export const RoleMapSchema = z.record(
  z
    .string()
    .min(1, 'a group name must not be empty')
    .max(256, 'a group name must be at most 256 characters'),
  z.record(
    z.string().regex(TARGET_KEY, 'must be "*" or a target id'),
    z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
    {
      error: (iss) =>
        iss.code === 'invalid_key'
          ? 'has a key that is neither "*" nor a target id'
          : 'must map target ids (or "*") to roles',
    },
  ),
  { error: 'must be a JSON object mapping groups to {"<target>": role}' },
);
export type RoleMap = z.infer<typeof RoleMapSchema>;

/**
 * The grants a user's groups give: for each target (and `*`) the highest role of any mapped
 * group. Unmapped groups are ignored; an empty answer means the user may not sign in.
 */
export function grantsFor(map: RoleMap, groups: readonly string[]): RoleGrants {
  const grants: RoleGrants = {};
  for (const group of new Set(groups)) {
    if (!Object.hasOwn(map, group)) continue;
    for (const [target, role] of Object.entries(map[group]!)) {
      grants[target] = higherRole(grants[target], role)!;
    }
  }
  return grants;
}

/** The role grants give on one target: its own entry or `*`, whichever is higher. */
export function roleOn(grants: RoleGrants, targetId: string): Role | undefined {
  return higherRole(Object.hasOwn(grants, targetId) ? grants[targetId] : undefined, grants['*']);
}

/** Reads CONSOLE_ROLE_MAP at start; a missing or invalid file stops the start, naming the problem. */
export function loadRoleMap(file: string): RoleMap {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    fail([{ setting: 'CONSOLE_ROLE_MAP', message: `(${file}) ${reason}` }]);
  }
  const parsed = RoleMapSchema.safeParse(json);
  if (!parsed.success) {
    const [where, message] = Object.entries(fieldErrors(parsed.error.issues))[0]!;
    fail([{ setting: 'CONSOLE_ROLE_MAP', message: `(${file}) ${where}: ${message}` }]);
  }
  if (Object.keys(parsed.data).length === 0)
    fail([{ setting: 'CONSOLE_ROLE_MAP', message: `(${file}) maps no groups` }]);
  return parsed.data;
}
