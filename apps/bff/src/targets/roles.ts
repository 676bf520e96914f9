import { ROLES, roleAllows, type Role } from '@dsc/api-types';

/**
 * What a user may do, before it meets the configured targets: a role per target id, and under
 * `*` a role on every target not named. Users-file entries and OpenID Connect group mappings both
 * come down to this shape.
 */
export type Grants = Readonly<Record<string, Role>>;

export const ALL_TARGETS = '*';

/** The role `grants` give on one target, if any. */
export function roleOn(grants: Grants, targetId: string): Role | undefined {
  return grants[targetId] ?? grants[ALL_TARGETS];
}

/** The highest of two roles (undefined counts as none). */
export function higherRole(a: Role | undefined, b: Role | undefined): Role | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return roleAllows(a, b) ? a : b;
}

/** Several grants merged, the highest role winning per key (a user in two groups gets the better of both). */
export function mergeGrants(all: Grants[]): Grants {
  const out: Record<string, Role> = {};
  for (const g of all) for (const [k, r] of Object.entries(g)) out[k] = higherRole(out[k], r)!;
  return out;
}

/** The roles `grants` give on each of the configured targets (targets without a role are left out). */
export function rolesOnTargets(grants: Grants, targetIds: readonly string[]): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const id of targetIds) {
    const r = roleOn(grants, id);
    if (r !== undefined) out[id] = r;
  }
  return out;
}

/**
 * The one role older screens and the audit trail show beside a user: the role on the default
 * target, else the highest held anywhere.
 */
export function headlineRole(targets: Record<string, Role>, defaultId: string): Role | undefined {
  return targets[defaultId] ?? Object.values(targets).reduce<Role | undefined>(higherRole, undefined);
}

export const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);
