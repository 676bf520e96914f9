import type { KvStore } from './kv-store.ts';

interface Item {
  value: string;
  expiresAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * One process's store. Expiry follows the injected clock (tests move it); expired keys vanish on
 * read and in a periodic sweep, so abandoned sessions and counters do not pile up.
 */
export function createMemoryStore(opts: { now?: () => number } = {}): KvStore {
  const now = opts.now ?? Date.now;
  const items = new Map<string, Item>();

  const live = (key: string): Item | undefined => {
    const item = items.get(key);
    if (item && item.expiresAt <= now()) {
      items.delete(key);
      return undefined;
    }
    return item;
  };

  const sweep = setInterval(() => {
    const t = now();
    for (const [key, item] of items) if (item.expiresAt <= t) items.delete(key);
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      if (ttlMs <= 0) items.delete(key);
      else items.set(key, { value, expiresAt: now() + ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key) || ttlMs <= 0) return false;
      items.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async replace(key, value, ttlMs) {
      if (!live(key)) return false;
      if (ttlMs <= 0) items.delete(key);
      else items.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async delete(key) {
      items.delete(key);
    },
    async increment(key, ttlMs) {
      const item = live(key);
      if (!item) {
        items.set(key, { value: '1', expiresAt: now() + ttlMs });
        return { count: 1, ttlMs };
      }
      const count = (Number.parseInt(item.value, 10) || 0) + 1;
      item.value = String(count);
      return { count, ttlMs: item.expiresAt - now() };
    },
    async close() {
      clearInterval(sweep);
      items.clear();
    },
  };
}
