import { describe, expect, it } from 'vitest';
import { UsersFileSchema } from './users-file.ts';
import { createDemoUsers, randomDemoPassword } from './demo-users.ts';
import { parsePasswordHash, verifyPassword } from './password-hash.ts';

describe('createDemoUsers', () => {
  it('makes viewer, operator and admin with random passwords and a valid users file', async () => {
    const { users, usersFileContent } = await createDemoUsers();
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['viewer', 'viewer'],
      ['operator', 'operator'],
      ['admin', 'admin'],
    ]);
    const file = UsersFileSchema.parse(JSON.parse(usersFileContent));
    for (const [i, u] of users.entries()) {
      expect(u.password).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
      expect(usersFileContent).not.toContain(u.password);
      expect(await verifyPassword(u.password, parsePasswordHash(file[i]!.passwordHash)!)).toBe(
        true,
      );
    }
    expect(new Set(users.map((u) => u.password)).size).toBe(3);
  });

  it('passwords differ every time', () => {
    const seen = new Set(Array.from({ length: 200 }, randomDemoPassword));
    expect(seen.size).toBe(200);
  });
});
