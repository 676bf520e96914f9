import { catalogue, EnhancedConnection, type ConnectionRow, type ConnectionSort } from '@dsc/api-types';
import * as z from 'zod';
import type { UpstreamConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { answerFor } from '../proxy/upstream-answer.ts';
import type { UpstreamCaller } from '../proxy/upstream-caller.ts';
import { parseJsonSafe } from '../proxy/upstream-errors.ts';
import { leanRow } from './connection-row.ts';
import { sortRows } from './view-rows.ts';

/** Where a list comes from: one target's caller (its signer, agents and limiter) and endpoints. */
export interface ListTarget {
  id: string;
  caller: UpstreamCaller;
  upstream: UpstreamConfig;
}

/** The upstream's own filters; each combination is its own list. */
export interface UpstreamFilters {
  name?: string | undefined;
  status?: string | undefined;
  tags?: string | undefined;
}

/** A whole list as fetched once: lean rows, and each requested order computed once and kept. */
export interface ListSnapshot {
  readonly rows: readonly ConnectionRow[];
  /** When the upstream answered (ms since the epoch). */
  readonly asOfMs: number;
  sorted(sort: ConnectionSort): readonly ConnectionRow[];
}

export interface ConnectionListSource {
  /**
   * The target's whole list for these filters: kept for `ttlMs` and shared by every viewer;
   * concurrent identical fetches share one upstream call. `refresh` skips a kept list (but joins
   * a fetch already under way, which is as fresh). Throws ApiError when the cloud fails.
   */
  get(target: ListTarget, filters: UpstreamFilters, opts: { refresh: boolean; requestId: string }): Promise<ListSnapshot>;
  /** Drops every kept list of the target (a write went through the BFF). */
  invalidate(targetId: string): void;
}

export interface ListSourceDeps {
  ttlMs: number;
  now?: () => number;
}

// Hosts are only counted, so they are not validated one by one (20,000 objects per connection).
const ListedConnection = z.looseObject({ ...EnhancedConnection.shape, hosts: z.array(z.unknown()).optional() });
const ListedConnections = z.looseObject({ connections: z.array(ListedConnection) });

const LIST_ID = 'dli.listEnhancedConnections' as const;

function snapshot(rows: readonly ConnectionRow[], asOfMs: number): ListSnapshot {
  const orders = new Map<ConnectionSort, readonly ConnectionRow[]>();
  return {
    rows,
    asOfMs,
    sorted(sort) {
      let sorted = orders.get(sort);
      if (!sorted) {
        sorted = sortRows(rows, sort);
        orders.set(sort, sorted);
      }
      return sorted;
    },
  };
}

const keyOf = (targetId: string, f: UpstreamFilters) =>
  JSON.stringify([targetId, f.name ?? '', f.status?.toUpperCase() ?? '', f.tags ?? '']);

/**
 * The upstream neither sorts nor filters by queue state, so the console reads a target's whole
 * list (limit=0) and shapes it itself. Kept in this process only: a write through another BFF
 * instance shows here after at most `ttlMs` (decision 014).
 */
export function createConnectionListSource(deps: ListSourceDeps): ConnectionListSource {
  const now = deps.now ?? Date.now;
  const kept = new Map<string, { snap: ListSnapshot; targetId: string }>();
  const inFlight = new Map<string, Promise<ListSnapshot>>();
  // Bumped by every invalidation: a fetch that began before it may have missed the write.
  const generations = new Map<string, number>();

  // Lists past their time are dropped when another is kept, so many name searches do not pile up.
  function sweep() {
    for (const [key, entry] of kept) if (now() - entry.snap.asOfMs >= deps.ttlMs) kept.delete(key);
  }

  async function fetchList(target: ListTarget, filters: UpstreamFilters, requestId: string): Promise<ListSnapshot> {
    const query: Record<string, string> = { limit: '0' };
    if (filters.name) query.name = filters.name;
    if (filters.status) query.status = filters.status;
    if (filters.tags) query.tags = filters.tags;
    const request = buildUpstreamRequest(
      { id: LIST_ID, def: catalogue[LIST_ID] },
      { params: {}, query, body: undefined },
      target.upstream,
      {},
    );
    const result = await target.caller.call({ request, operationId: LIST_ID, mutating: false, requestId });
    const answer = answerFor(LIST_ID, result, target.caller.skew);
    if (answer instanceof ApiError) throw answer;
    const parsed = ListedConnections.safeParse(parseJsonSafe(answer.body));
    if (!parsed.success) {
      throw new ApiError('UPSTREAM_BAD_RESPONSE', 'The cloud answered the connection list with a body the console does not understand');
    }
    return snapshot(
      parsed.data.connections.map((c) => leanRow(c)),
      now(),
    );
  }

  return {
    async get(target, filters, { refresh, requestId }) {
      const key = keyOf(target.id, filters);
      const hit = kept.get(key);
      if (!refresh && hit && now() - hit.snap.asOfMs < deps.ttlMs) return hit.snap;
      const running = inFlight.get(key);
      if (running) return running;
      const generation = generations.get(target.id) ?? 0;
      const fetching = fetchList(target, filters, requestId)
        .then((snap) => {
          if ((generations.get(target.id) ?? 0) === generation) {
            sweep();
            kept.set(key, { snap, targetId: target.id });
          }
          return snap;
        })
        .finally(() => {
          if (inFlight.get(key) === fetching) inFlight.delete(key);
        });
      inFlight.set(key, fetching);
      return fetching;
    },
    invalidate(targetId) {
      generations.set(targetId, (generations.get(targetId) ?? 0) + 1);
      for (const [key, entry] of kept) if (entry.targetId === targetId) kept.delete(key);
      // A fetch under way may predate the write: later callers start their own.
      for (const key of inFlight.keys()) if (JSON.parse(key)[0] === targetId) inFlight.delete(key);
    },
  };
}
