import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type SessionUser } from '@dsc/api-types';
import type { KvStore } from '../store/kv-store.ts';
import type { ConsoleUser, UserDirectory } from './users-file.ts';

const SessionRecord = z.object({
  username: z.string(),
  role: z.enum(ROLES),
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
}

export interface Sessions {
  /** A new session for `user`; answers the id to put in the cookie. */
  create(user: ConsoleUser): Promise<string>;
  /**
   * The user of a live session, with the role the users file gives now. Ends sessions that are
   * idle, too old, or whose user was removed or had the password changed. `touch` counts the
   * request as activity (false: only look, as the audit trail does).
   */
  resolve(id: string, opts?: { touch?: boolean }): Promise<SessionUser | undefined>;
  destroy(id: string): Promise<void>;
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
    async create(user) {
      const id = randomBytes(32).toString('base64url');
      const t = o.now().getTime();
      const record: SessionRecord = {
        username: user.username,
        role: user.role,
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
      if (!user || user.credentialTag !== record.credentialTag) {
        await o.store.delete(k);
        return undefined;
      }
      if (touch && t - record.lastSeenAt >= TOUCH_EVERY_MS) {
        const next = { ...record, role: user.role, lastSeenAt: t };
        // Only while it still exists: a sign-out elsewhere in the meantime must not be undone.
        if (!(await o.store.replace(k, JSON.stringify(next), ttl(next, t)))) return undefined;
      }
      return { username: user.username, role: user.role };
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
