// Demo sign-ins: three users (viewer, operator, admin) with fresh random passwords on every start,
// in a throw-away users file. The banner prints them; nothing else does.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDemoUsers, type DemoConfig } from '../apps/bff/src/index.ts';

export async function prepareDemoUsers(
  config: DemoConfig,
  extra: { simUrl: string; targets: { id: string; simUrl: string; projectId: string }[] },
): Promise<{ config: DemoConfig; bannerLines: string[] }> {
  if (config.consoleUsersFile) {
    return { config, bannerLines: [`Sign in with the users of CONSOLE_USERS_FILE (${config.consoleUsersFile}).`] };
  }
  // One user with different roles per target, to show (and test) per-target roles.
  const [first, ...rest] = extra.targets;
  const { users, usersFileContent } = await createDemoUsers(
    first && rest.length > 0 ? { username: 'oncall', roles: { [rest[rest.length - 1]!.id]: 'operator', '*': 'viewer' } } : undefined,
  );
  const dir = mkdtempSync(join(tmpdir(), 'dsc-demo-'));
  const usersFile = join(dir, 'users.json');
  writeFileSync(usersFile, usersFileContent, { mode: 0o600 });
  // Tests read the demo sign-ins (and the simulator's admin URL, for fault rules) from this file.
  const credentialsOut = process.env.DEMO_CREDENTIALS_FILE;
  if (credentialsOut) {
    mkdirSync(dirname(credentialsOut), { recursive: true });
    writeFileSync(credentialsOut, JSON.stringify({ users, simUrl: extra.simUrl, targets: extra.targets }, null, 2), { mode: 0o600 });
  }
  return {
    config: {
      ...config,
      consoleUsersFile: usersFile,
    },
    bannerLines: [
      'Demo sign-ins (new random passwords at every start):',
      ...users.map(
        (u) => `  ${(u.roles ? 'mixed' : u.role).padEnd(8)}  username ${u.username.padEnd(8)}  password ${u.password}${u.roles ? `  (${describeRoles(u.roles)})` : ''}`,
      ),
    ],
  };
}

function describeRoles(roles: Record<string, string>): string {
  return Object.entries(roles)
    .map(([t, r]) => (t === '*' ? `${r} elsewhere` : `${r} on ${t}`))
    .join(', ');
}
