import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { ROLES, fieldErrors } from '@dsc/api-types';
import { fail } from '../../config-rules.ts';
import { ALL_TARGETS, higherRole, mergeGrants, type Grants } from '../../targets/roles.ts';
import { TARGET_ID } from '../../targets/target-config.ts';

/** CONSOLE_ROLE_MAP: `{"<group>": {"<targetId>" | "*": "viewer" | "operator" | "admin"}}`. */
export const RoleMapSchema = z.record(
  z
    .string()
    .min(1, 'a group name must not be empty')
    .max(256, 'a group name must be at most 256 characters'),
  z.record(
    z.string().refine((k) => k === ALL_TARGETS || TARGET_ID.test(k)),
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
 * group — the same shape as a users-file entry's `roles`. Unmapped groups are ignored. A target's
 * own entry is raised to the `*` one where that is higher: in a users file a named target
 * overrides `*`, but across groups the highest role wins (ops on `*` and auditors on one target
 * is still ops there).
 */
export function grantsFor(map: RoleMap, groups: readonly string[]): Grants {
  const merged = mergeGrants(
    [...new Set(groups)].filter((g) => Object.hasOwn(map, g)).map((g) => map[g]!),
  );
  const all = merged[ALL_TARGETS];
  return Object.fromEntries(Object.entries(merged).map(([k, r]) => [k, higherRole(r, all)!]));
}

/**
 * Reads CONSOLE_ROLE_MAP at start; a missing or invalid file, or one naming a target that is not
 * configured, stops the start, naming the problem (never a value other than the group or target).
 */
export function loadRoleMap(file: string, knownTargets: ReadonlySet<string>): RoleMap {
  const problem = (message: string): never =>
    fail([{ setting: 'CONSOLE_ROLE_MAP', message: `(${file}) ${message}` }]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problem(err instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read');
  }
  const parsed = RoleMapSchema.safeParse(json);
  if (!parsed.success) {
    const [where, message] = Object.entries(fieldErrors(parsed.error.issues))[0]!;
    return problem(`${where}: ${message}`);
  }
  if (Object.keys(parsed.data).length === 0) problem('maps no groups');
  for (const [group, grants] of Object.entries(parsed.data)) {
    const unknown = Object.keys(grants).find((k) => k !== ALL_TARGETS && !knownTargets.has(k));
    if (unknown !== undefined) problem(`${group}: names no configured target ("${unknown}")`);
  }
  return parsed.data;
}
