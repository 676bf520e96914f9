import { whenLoaded } from '../when-loaded.ts';
import type { KvStore } from './kv-store.ts';
import { createMemoryStore } from './memory-store.ts';

/**
 * Redis when REDIS_URL is set (state shared by every instance), else memory. ioredis is
 * imported only then: a start without Redis does not parse it (decision 020).
 */
export function openConfiguredStore(redisUrl: string | undefined, now: () => number): KvStore {
  if (!redisUrl) return createMemoryStore({ now });
  return whenLoaded<KvStore>(
    import('./redis-store.ts').then((m) => m.createRedisStore({ url: redisUrl })),
    ['get', 'set', 'setIfAbsent', 'replace', 'delete', 'increment', 'ping', 'close'],
  );
}
