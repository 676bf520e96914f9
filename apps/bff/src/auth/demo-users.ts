import { randomInt } from 'node:crypto';
import type { Role } from '@dsc/api-types';
import { hashPassword } from './password-hash.ts';

export interface DemoUser {
  username: string;
  role: Role;
  /** Roles per target (`*`: the rest), for a user whose role differs between targets. */
  roles?: Record<string, Role>;
  password: string;
}

// Crockford's base32 without I, L, O, U: nothing to confuse when reading a password off a banner.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 16 random base32 characters (80 bits) in groups of four: `k3vd-9qxa-7mwe-2hpt`. */
export function randomDemoPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Demo mode's sign-ins: `viewer`, `operator` and `admin`, each with a fresh random password, and
 * the CONSOLE_USERS_FILE content holding their hashes. The launcher prints the passwords once.
 */
export async function createDemoUsers(
  mixed?: { username: string; roles: Record<string, Role> },
): Promise<{ users: DemoUser[]; usersFileContent: string }> {
  const roles: Role[] = ['viewer', 'operator', 'admin'];
  const users: DemoUser[] = roles.map((role) => ({ username: role, role, password: randomDemoPassword() }));
  // Listed last, so a lookup of the first user with a role still finds the plain one.
  if (mixed) users.push({ username: mixed.username, role: mixed.roles['*'] ?? 'viewer', roles: mixed.roles, password: randomDemoPassword() });
  const entries = await Promise.all(
    users.map(async (u) => ({
      username: u.username,
      ...(u.roles ? { roles: u.roles } : { role: u.role }),
      passwordHash: await hashPassword(u.password),
    })),
  );
  return { users, usersFileContent: `${JSON.stringify(entries, null, 2)}\n` };
}
