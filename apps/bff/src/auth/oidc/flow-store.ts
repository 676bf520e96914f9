import { createHmac, randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { KvStore } from '../../store/kv-store.ts';

/**
 * What a sign-in started at the provider must find again at the callback. Kept server-side
 * (never in the browser): the browser holds only a random flow id in a cookie, which also binds
 * the callback to the browser that started it.
 */
const FlowRecord = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  redirectUri: z.string(),
  returnTo: z.string(),
});
export type FlowRecord = z.infer<typeof FlowRecord>;

/** Long enough to type a password and answer a second factor at the provider. */
export const FLOW_TTL_MS = 10 * 60_000;
const FLOW_ID = /^[A-Za-z0-9_-]{43}$/;

export interface FlowStore {
  /** Stores the record; answers the flow id for the cookie. */
  put(record: FlowRecord): Promise<string>;
  /** The record, once: a second take of the same id (a replayed callback) finds nothing. */
  take(flowId: string): Promise<FlowRecord | undefined>;
}

export function createFlowStore(o: { store: KvStore; secret: string }): FlowStore {
  // Keyed by an HMAC of the id, as sessions are: a dump of the store holds no usable flow id.
  const key = (id: string) =>
    `oidc-flow:${createHmac('sha256', o.secret).update(`oidc-flow:${id}`).digest('base64url')}`;
  return {
    async put(record) {
      const id = randomBytes(32).toString('base64url');
      await o.store.set(key(id), JSON.stringify(record), FLOW_TTL_MS);
      return id;
    },
    async take(flowId) {
      if (!FLOW_ID.test(flowId)) return undefined;
      const k = key(flowId);
      // Looked up first, so ids that name no flow leave nothing behind in the store.
      const raw = await o.store.get(k);
      if (raw === undefined) return undefined;
      // The counter makes "first taker wins" atomic, in memory and in Redis alike.
      const { count } = await o.store.increment(`${k}:taken`, FLOW_TTL_MS);
      if (count !== 1) return undefined;
      await o.store.delete(k);
      try {
        const parsed = FlowRecord.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
