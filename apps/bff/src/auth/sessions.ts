import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SessionUser } from '@dsc/api-types';
import type { KvStore } from '../store/kv-store.ts';
import type { Grants } from '../targets/roles.ts';
import type { ConsoleUser, UserDirectory } from './users-file.ts';

const SessionRecord = z.object({
  username: z.string(),
  credentialTag: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
});
type SessionRecord = z.infer<typeof SessionRecord>;

/** Idle time is tracked to this precision, so a burst of requests does not write on each one. */
const TOUCH_EVERY_MS = 10_000;
/** Store keys remembered for this many session ids (oldest forgotten first). */
const KEY_CACHE_SIZE = 10_000;

export interface SessionOptions {
  store: KvStore;
  users: UserDirectory;
  /** SESSION_SECRET: keys the store, so a dump of the store holds no usable session ids. */
  secret: string;
  idleMs: number;
  absoluteMs: number;
  now: () => Date;
  /** The user as the request sees it: the roles the grants give on the configured targets; undefined when none. */
  describe: (username: string, grants: Grants) => SessionUser | undefined;
}

export interface Sessions {
  /** A new session for `user`; answers the id to put in the cookie. */
  create(user: ConsoleUser): Promise<string>;
  /**
   * The user of a live session, with the roles the users file gives now. Ends sessions that are
   * idle, too old, or whose user was removed, had the password changed or holds no role any more. `touch` counts the
   * request as activity (false: only look, as the audit trail does).
   */
  resolve(id: string, opts?: { touch?: boolean }): Promise<SessionUser | undefined>;
  destroy(id: string): Promise<void>;
  /** The user as requests will see it; undefined when the user holds no role on any configured target. */
  describe(user: ConsoleUser): SessionUser | undefined;
  readonly absoluteMs: number;
}

export function createSessions(o: SessionOptions): Sessions {
  // Every /api request looks its session up: remember recent ids' store keys instead of an HMAC each time.
  const keys = new Map<string, string>();
  const key = (id: string) => {
    let k = keys.get(id);
    if (k === undefined) {
      k = `session:${createHmac('sha256', o.secret).update(id).digest('base64url')}`;
      if (keys.size >= KEY_CACHE_SIZE) keys.delete(keys.keys().next().value!);
      keys.set(id, k);
    }
    return k;
  };
  const ttl = (r: SessionRecord, t: number) =>
    Math.min(r.lastSeenAt + o.idleMs, r.createdAt + o.absoluteMs) - t;

  return {
    absoluteMs: o.absoluteMs,
    describe: (user) => o.describe(user.username, user.grants),
    async create(user) {
      const id = randomBytes(32).toString('base64url');
      const t = o.now().getTime();
      const record: SessionRecord = {
        username: user.username,
        credentialTag: user.credentialTag,
        createdAt: t,
        lastSeenAt: t,
      };
      await o.store.set(key(id), JSON.stringify(record), ttl(record, t));
      return id;
    },
    async resolve(id, { touch = true } = {}) {
      const k = key(id);
      const raw = await o.store.get(k);
      if (raw === undefined) return undefined;
      const parsed = SessionRecord.safeParse(safeJson(raw));
      const t = o.now().getTime();
      if (!parsed.success || ttl(parsed.data, t) <= 0) {
        await o.store.delete(k);
        return undefined;
      }
      const record = parsed.data;
      const user = await o.users.find(record.username);
      const described = user && user.credentialTag === record.credentialTag ? o.describe(user.username, user.grants) : undefined;
      if (!described) {
        await o.store.delete(k);
        return undefined;
      }
      if (touch && t - record.lastSeenAt >= TOUCH_EVERY_MS) {
        const next = { ...record, lastSeenAt: t };
        // Only while it still exists: a sign-out elsewhere in the meantime must not be undone.
        if (!(await o.store.replace(k, JSON.stringify(next), ttl(next, t)))) return undefined;
      }
      return described;
    },
    async destroy(id) {
      await o.store.delete(key(id));
      keys.delete(id);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
