import type { EnhancedConnection } from '@dsc/api-types';
import { isTransitional } from '../../ui/status-badge.tsx';
import { CREATING_POLL_MS } from './queries.ts';

/** Poll the detail as often as the list (the shared "updating every 5 s" note says so). */
export const DETAIL_POLL_MS = CREATING_POLL_MS;

/** Pools come back as objects with a status (or, from older APIs, bare names). */
export function poolStatus(pool: unknown): string | undefined {
  if (pool && typeof pool === 'object' && 'status' in pool && typeof pool.status === 'string') return pool.status;
  return undefined;
}

export function poolName(pool: unknown): string {
  if (typeof pool === 'string') return pool;
  if (pool && typeof pool === 'object') {
    const p = pool as Record<string, unknown>;
    for (const key of ['name', 'elastic_resource_pool_name', 'id']) {
      if (typeof p[key] === 'string') return p[key];
    }
  }
  return JSON.stringify(pool);
}

/** Something on this connection is still changing (CREATING), so its page keeps polling. */
export function hasTransitionalBinding(c: Pick<EnhancedConnection, 'available_queue_info' | 'elastic_resource_pools'> | undefined): boolean {
  if (!c) return false;
  if (c.available_queue_info.some((q) => isTransitional(q.status))) return true;
  return (c.elastic_resource_pools ?? []).some((p: unknown) => {
    const s = poolStatus(p);
    return s !== undefined && isTransitional(s);
  });
}
