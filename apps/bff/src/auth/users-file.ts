import { createHash } from 'node:crypto';
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import * as z from 'zod';
import { ROLES, fieldErrors } from '@dsc/api-types';
import { fail } from '../config-rules.ts';
import { ALL_TARGETS, type Grants } from '../targets/roles.ts';
import { TARGET_ID } from '../targets/target-config.ts';
import { parsePasswordHash, unmatchableHash, type ParsedHash } from './password-hash.ts';

export interface ConsoleUser {
  username: string;
  /** The roles per target (`*`: every target not named): from `role` and `roles`. */
  grants: Grants;
  passwordHash: ParsedHash;
  /** Changes whenever the user's password hash does, so sessions can notice a password reset. */
  credentialTag: string;
}

const RoleName = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

/**
 * CONSOLE_USERS_FILE: `[{"username","role"?,"roles"?,"passwordHash"}]`. `role` is that role on
 * every target; `roles` gives one per target id (`"*"`: every target not named); at least one.
 */
export const UsersFileSchema = z
  .array(
    z.strictObject({
      username: z
        .string({ error: 'must be a string' })
        .regex(/^[\p{L}\p{N}._@-]{1,64}$/u, 'must be 1–64 letters, digits, ".", "_", "@" or "-"'),
      role: RoleName.optional(),
      roles: z
        .record(
          z.string().refine((k) => k === ALL_TARGETS || TARGET_ID.test(k), 'must be a target id or "*"'),
          RoleName,
          { error: 'must be an object of target id → role' },
        )
        .optional(),
      passwordHash: z
        .string({ error: 'must be a string' })
        .refine(
          (h) => parsePasswordHash(h) !== undefined,
          'is not a hash printed by `pnpm --silent hash-password`',
        ),
    }),
    { error: 'must be a JSON array of {"username","role","passwordHash"}' },
  )
  .min(1, 'lists no users')
  .superRefine((users, ctx) => {
    const seen = new Set<string>();
    users.forEach((u, i) => {
      if (u.role === undefined && (u.roles === undefined || Object.keys(u.roles).length === 0))
        ctx.addIssue({ code: 'custom', path: [i, 'role'], message: 'is required (or "roles" with at least one target)' });
      if (seen.has(u.username))
        ctx.addIssue({ code: 'custom', path: [i, 'username'], message: 'appears twice' });
      seen.add(u.username);
    });
  });

export interface UserDirectory {
  /** The user as the file says now (re-read when it changed). */
  find(username: string): Promise<ConsoleUser | undefined>;
  /** Checked for unknown usernames: same parameters as the file's first user, so as slow. */
  readonly unmatchable: () => ParsedHash;
}

/** Parses the file's text; throws a message naming the problem (entry and field), never a value. */
function parseUsers(text: string, knownTargets: ReadonlySet<string> | undefined): Map<string, ConsoleUser> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('is not valid JSON');
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) {
    const [path, message] = Object.entries(fieldErrors(parsed.error.issues))[0]!;
    const where =
      path === '(root)' ? '' : `entry ${path.replace(/^(\d+)/, (n) => String(Number(n) + 1))}: `;
    throw new Error(`${where}${message}`);
  }
  if (knownTargets) {
    for (const [i, u] of parsed.data.entries()) {
      const unknown = Object.keys(u.roles ?? {}).find((k) => k !== ALL_TARGETS && !knownTargets.has(k));
      if (unknown !== undefined) throw new Error(`entry ${i + 1}: roles names no configured target ("${unknown}")`);
    }
  }
  return new Map(
    parsed.data.map((u) => [
      u.username,
      {
        username: u.username,
        grants: { ...(u.role ? { [ALL_TARGETS]: u.role } : {}), ...u.roles },
        passwordHash: parsePasswordHash(u.passwordHash)!,
        credentialTag: createHash('sha256').update(u.passwordHash).digest('base64url').slice(0, 16),
      },
    ]),
  );
}

type Fingerprint = string;
const fingerprint = (s: BigIntStats): Fingerprint => `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/**
 * Loads CONSOLE_USERS_FILE at start (a missing or invalid file stops the start, naming the
 * problem) and re-reads it whenever its size or times change, checked on a lookup at most every
 * `checkEveryMs` (default USERS_FILE_CHECK_MS), so an edit takes effect within about a second. A later
 * invalid version is logged and ignored: the users from the last valid version stay in force.
 */
/** How often, at most, a lookup checks the users file for changes (a stat per request cost the BFF measurable CPU). */
export const USERS_FILE_CHECK_MS = 1_000;

export function loadUserDirectory(
  file: string,
  logger: Logger,
  opts: { checkEveryMs?: number; now?: () => number; knownTargets?: ReadonlySet<string> } = {},
): UserDirectory {
  const checkEveryMs = opts.checkEveryMs ?? USERS_FILE_CHECK_MS;
  const clock = opts.now ?? Date.now;
  let checkedAt = clock();
  let users: Map<string, ConsoleUser>;
  let seen: Fingerprint;
  try {
    seen = fingerprint(statSync(file, { bigint: true }));
    users = parseUsers(readFileSync(file, 'utf8'), opts.knownTargets);
  } catch (err) {
    const reason = err instanceof Error && !('code' in err) ? err.message : 'cannot be read';
    fail([{ setting: 'CONSOLE_USERS_FILE', message: `(${file}) ${reason}` }]);
  }
  let dummyParams = [...users.values()][0]!.passwordHash;
  let refreshing: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    let now: Fingerprint;
    try {
      now = fingerprint(await stat(file, { bigint: true }));
    } catch {
      logger.error(
        { setting: 'CONSOLE_USERS_FILE' },
        'users file cannot be read; keeping the users loaded before',
      );
      return;
    }
    if (now === seen) return;
    try {
      users = parseUsers(await readFile(file, 'utf8'), opts.knownTargets);
      dummyParams = [...users.values()][0]!.passwordHash;
      logger.info({ setting: 'CONSOLE_USERS_FILE', users: users.size }, 'users file re-read');
    } catch (err) {
      const reason = err instanceof Error && !('code' in err) ? err.message : 'cannot be read';
      logger.error(
        { setting: 'CONSOLE_USERS_FILE', reason },
        'users file changed but is invalid; keeping the users loaded before',
      );
    }
    seen = now;
  }

  return {
    async find(username) {
      if (refreshing === undefined && clock() - checkedAt >= checkEveryMs) {
        checkedAt = clock();
        refreshing = refresh().finally(() => {
          refreshing = undefined;
        });
      }
      if (refreshing) await refreshing;
      return users.get(username);
    },
    unmatchable: () => unmatchableHash(dummyParams),
  };
}
