import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { StoredAnswer } from '../proxy/upstream-answer.ts';
import type { KvStore } from '../store/kv-store.ts';

const Answer = z.object({
  status: z.number().int(),
  contentType: z.string().optional(),
  requestId: z.string().optional(),
  retryAfter: z.string().optional(),
  body: z.string(),
  errorCode: z.string().optional(),
  upstream: z.object({ status: z.number().int(), code: z.string().optional() }).optional(),
});

const Pending = z.object({
  state: z.literal('pending'),
  fingerprint: z.string(),
  /** When the first attempt started: a resource found by name must be younger (give or take skew). */
  startedAt: z.number(),
  /** Until then the owner is working on it; after that anyone may take over. 0: given up. */
  ownerUntil: z.number(),
  /** The outcome of an earlier attempt is unknown: whoever takes over looks for the resource first. */
  checkFirst: z.boolean(),
});
const Done = z.object({ state: z.literal('done'), fingerprint: z.string(), startedAt: z.number(), answer: Answer });
const IdemRecord = z.discriminatedUnion('state', [Pending, Done]);
type Pending = z.infer<typeof Pending>;

/** What a create may do with the key it was sent. */
export type Begin =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'reused' }
  | { kind: 'in-progress'; retryAfterMs: number };

/** The right to run a create for a key, and the duty to say how it ended. */
export interface Claim {
  readonly startedAt: number;
  /** An earlier attempt's outcome is unknown: look for the resource before creating. */
  readonly checkFirst: boolean;
  /** The cloud answered for good (created, or refused): repeats get this answer. */
  finish(answer: StoredAnswer): Promise<void>;
  /** Certainly nothing was created: the key is free, a repeat creates. */
  release(): Promise<void>;
  /** Nobody knows whether it was created: a repeat looks first. */
  leaveUnresolved(): Promise<void>;
}

export interface IdempotencyOptions {
  store: KvStore;
  /** How long an outcome is kept (IDEMPOTENCY_WINDOW_HOURS). */
  windowMs: number;
  /** How long an owner may take before others assume it died (the create's whole budget and more). */
  ownerMs: number;
  /** How long a repeat waits for a running first attempt before answering 409. */
  waitMs: number;
  pollMs?: number;
  now?: () => number;
}

export interface Idempotency {
  begin(o: { user: string; key: string; fingerprint: string }): Promise<Begin>;
}

/** sha256 over the operation, the user and the exact request (path parameters and body bytes). */
export function fingerprintOf(operationId: string, user: string, params: Record<string, string>, body: Buffer): string {
  const h = createHash('sha256');
  h.update(`${operationId}\n${user}\n${JSON.stringify(Object.entries(params).sort())}\n`);
  h.update(body);
  return h.digest('hex');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parse(raw: string): z.infer<typeof IdemRecord> | undefined {
  try {
    const r = IdemRecord.safeParse(JSON.parse(raw));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Idempotency records in the session store (Redis when REDIS_URL is set, so a repeat that lands
 * on another instance is recognised). Keys are per user: `idem:` + sha256(user, key).
 * docs/decisions/004-idempotent-create.md explains the states.
 */
export function createIdempotency(o: IdempotencyOptions): Idempotency {
  const now = o.now ?? Date.now;
  const pollMs = o.pollMs ?? 100;

  function claimFor(k: string, p: Pending): Claim {
    const write = (value: object) => o.store.set(k, JSON.stringify(value), o.windowMs);
    return {
      startedAt: p.startedAt,
      checkFirst: p.checkFirst,
      finish: (answer) => write({ state: 'done', fingerprint: p.fingerprint, startedAt: p.startedAt, answer }),
      release: () => o.store.delete(k),
      leaveUnresolved: () => write({ ...p, ownerUntil: 0, checkFirst: true }),
    };
  }

  return {
    async begin({ user, key, fingerprint }) {
      const k = `idem:${createHash('sha256').update(`${user}\n${key}`).digest('base64url')}`;
      const waitUntil = now() + o.waitMs;
      for (;;) {
        const fresh: Pending = { state: 'pending', fingerprint, startedAt: now(), ownerUntil: now() + o.ownerMs, checkFirst: false };
        if (await o.store.setIfAbsent(k, JSON.stringify(fresh), o.windowMs)) return { kind: 'claimed', claim: claimFor(k, fresh) };
        const raw = await o.store.get(k);
        if (raw === undefined) continue; // expired in between
        const rec = parse(raw);
        if (!rec) {
          // Unreadable (an older format): the safe reading is "outcome unknown".
          const taken: Pending = { ...fresh, checkFirst: true };
          await o.store.set(k, JSON.stringify(taken), o.windowMs);
          return { kind: 'claimed', claim: claimFor(k, taken) };
        }
        if (rec.fingerprint !== fingerprint) return { kind: 'reused' };
        if (rec.state === 'done') return { kind: 'replay', answer: rec.answer };
        if (rec.ownerUntil <= now() && (await o.store.setIfAbsent(`${k}:takeover`, '1', 10_000))) {
          const taken: Pending = { ...rec, ownerUntil: now() + o.ownerMs, checkFirst: true };
          await o.store.set(k, JSON.stringify(taken), o.windowMs);
          await o.store.delete(`${k}:takeover`);
          return { kind: 'claimed', claim: claimFor(k, taken) };
        }
        if (now() >= waitUntil) return { kind: 'in-progress', retryAfterMs: Math.min(5000, Math.max(1000, rec.ownerUntil - now())) };
        await sleep(pollMs);
      }
    },
  };
}
