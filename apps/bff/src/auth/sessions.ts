import { createHmac, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ROLES, type SessionUser } from '@dsc/api-types';
import type { KvStore } from '../store/kv-store.ts';
import type { Grants } from '../targets/roles.ts';
import type { ConsoleUser, UserDirectory } from './users-file.ts';

const Times = { createdAt: z.number(), lastSeenAt: z.number() };
const PasswordRecord = z.object({
  username: z.string(),
  credentialTag: z.string(),
  ...Times,
});
/**
 * An OpenID Connect session stands on its own: the users file is not consulted, the grants are
 * those the groups gave at sign-in (met with the configured targets on each request), and it
 * ends at `expiresAt` (the id token's expiry) at the latest. The id token is kept only as the `id_token_hint` of the provider's logout URL.
 */
const OidcRecord = z.object({
  via: z.literal('oidc'),
  username: z.string(),
  subject: z.string(),
  grants: z.record(z.string(), z.enum(ROLES)),
  expiresAt: z.number(),
  idToken: z.string().optional(),
  ...Times,
});
const SessionRecord = z.union([OidcRecord, PasswordRecord]);
type SessionRecord = z.infer<typeof SessionRecord>;

/** Who an OpenID Connect sign-in established (see auth/oidc/). */
export interface OidcIdentity {
  subject: string;
  username: string;
  grants: Grants;
  /** Epoch ms; the session ends then at the latest. */
  expiresAt: number;
  idToken?: string;
}

/** Idle time is tracked to this precision, so a burst of requests does not write on each one. */
const TOUCH_EVERY_MS = 10_000;
/** Store keys remembered for this many session ids (oldest forgotten first). */
const KEY_CACHE_SIZE = 10_000;

export interface SessionOptions {
  store: KvStore;
  /** Undefined when only OIDC is configured: password sessions then resolve to no one. */
  users: UserDirectory | undefined;
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
  /** A new session for an OpenID Connect sign-in; answers the id to put in the cookie. */
  createOidc(identity: OidcIdentity): Promise<string>;
  /** Seconds the cookie of a session created now may live. */
  cookieSeconds(expiresAt?: number): number;
  /**
   * The user of a live session, with the roles the users file gives now. Ends sessions that are
   * idle, too old, or whose user was removed, had the password changed or holds no role any more. `touch` counts the
   * request as activity (false: only look, as the audit trail does).
   */
  resolve(id: string, opts?: { touch?: boolean }): Promise<SessionUser | undefined>;
  /** Ends the session; answers the id token an OIDC session kept (for the provider's logout). */
  destroy(id: string): Promise<{ idToken?: string } | undefined>;
  /** The user as requests will see it; undefined when the user holds no role on any configured target. */
  describe(user: ConsoleUser): SessionUser | undefined;
  /** The same for grants from elsewhere (OpenID Connect groups). */
  describeGrants(username: string, grants: Grants): SessionUser | undefined;
  readonly absoluteMs: number;
}

export function createSessions(o: SessionOptions): Sessions {
  // Every /api request looks its session up: remember recent ids' store keys instead of an HMAC each time.
  const keys = new Map<string, string>();
  const key = (id: string) => {
    let k = keys.get(id);
    if (k === undefined) {
      k = `session:${createHmac('sha256', o.secret).update(id).digest('base64url')}`;
      setBounded(keys, id, k);
    }
    return k;
  };
  // The record as last read for each key: while the stored text is unchanged (between touches),
  // a request reuses its parse and check instead of JSON.parse and zod on every call.
  const records = new Map<string, { raw: string; record: SessionRecord }>();
  const readRecord = (k: string, raw: string): SessionRecord | undefined => {
    const cached = records.get(k);
    if (cached?.raw === raw) return cached.record;
    const parsed = SessionRecord.safeParse(safeJson(raw));
    if (!parsed.success) return undefined;
    setBounded(records, k, { raw, record: parsed.data });
    return parsed.data;
  };
  // A users-file entry is replaced, not changed, when the file is reloaded: its description holds
  // until then.
  const described = new WeakMap<ConsoleUser, SessionUser | undefined>();
  const describeUser = (user: ConsoleUser): SessionUser | undefined => {
    if (!described.has(user)) described.set(user, o.describe(user.username, user.grants));
    return described.get(user);
  };
  const ttl = (r: SessionRecord, t: number) =>
    Math.min(
      r.lastSeenAt + o.idleMs,
      r.createdAt + o.absoluteMs,
      'via' in r ? r.expiresAt : Infinity,
    ) - t;

  return {
    absoluteMs: o.absoluteMs,
    describe: (user) => o.describe(user.username, user.grants),
    describeGrants: (username, grants) => o.describe(username, grants),
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
    cookieSeconds(expiresAt) {
      const ms = Math.min(o.absoluteMs, (expiresAt ?? Infinity) - o.now().getTime());
      return Math.max(0, Math.floor(ms / 1000));
    },
    async createOidc(identity) {
      const id = randomBytes(32).toString('base64url');
      const t = o.now().getTime();
      const record: SessionRecord = {
        via: 'oidc',
        username: identity.username,
        subject: identity.subject,
        grants: identity.grants,
        expiresAt: identity.expiresAt,
        ...(identity.idToken !== undefined ? { idToken: identity.idToken } : {}),
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
      const record = readRecord(k, raw);
      const t = o.now().getTime();
      if (!record || ttl(record, t) <= 0) {
        records.delete(k);
        await o.store.delete(k);
        return undefined;
      }
      if ('via' in record) {
        const oidcUser = o.describe(record.username, record.grants);
        if (!oidcUser) {
          await o.store.delete(k);
          return undefined;
        }
        if (touch && t - record.lastSeenAt >= TOUCH_EVERY_MS) {
          const next = { ...record, lastSeenAt: t };
          if (!(await o.store.replace(k, JSON.stringify(next), ttl(next, t)))) return undefined;
        }
        return { ...oidcUser, via: 'oidc', subject: record.subject };
      }
      const user = await o.users?.find(record.username);
      const sessionUser =
        user && user.credentialTag === record.credentialTag ? describeUser(user) : undefined;
      if (!sessionUser) {
        records.delete(k);
        await o.store.delete(k);
        return undefined;
      }
      if (touch && t - record.lastSeenAt >= TOUCH_EVERY_MS) {
        const next = { ...record, lastSeenAt: t };
        // Only while it still exists: a sign-out elsewhere in the meantime must not be undone.
        if (!(await o.store.replace(k, JSON.stringify(next), ttl(next, t)))) return undefined;
      }
      return sessionUser;
    },
    async destroy(id) {
      const k = key(id);
      const parsed = SessionRecord.safeParse(safeJson((await o.store.get(k)) ?? ''));
      await o.store.delete(k);
      records.delete(k);
      keys.delete(id);
      if (!parsed.success) return undefined;
      return 'via' in parsed.data && parsed.data.idToken !== undefined
        ? { idToken: parsed.data.idToken }
        : {};
    },
  };
}

/** Sets `key` in a cache kept to KEY_CACHE_SIZE entries, dropping the oldest to make room. */
function setBounded<V>(cache: Map<string, V>, key: string, value: V): void {
  if (!cache.has(key) && cache.size >= KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
