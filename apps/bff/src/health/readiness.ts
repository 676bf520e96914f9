import { catalogue, type OperationId, type Service } from '@dsc/api-types';
import type { UpstreamConfig } from '../config.ts';
import { SERVICES } from '../endpoints.ts';
import { ApiError } from '../errors.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { answerFor } from '../proxy/upstream-answer.ts';
import type { UpstreamCaller } from '../proxy/upstream-caller.ts';

export interface ServiceHealth {
  ok: boolean;
  latencyMs: number;
  /** What went wrong, by code and status only: no message, URL or identifier of the cloud's. */
  error?: string;
}

/** The body of /readyz and GET /api/status. */
export interface Readiness {
  status: 'ok' | 'degraded';
  services: Record<Service, ServiceHealth>;
  /** The cloud's clock minus ours, when it matters (beyond noise, or a signature expired lately). */
  clockSkewMs?: number;
  /** What several instances share (redis, postgres), when configured: reachable or not. */
  dependencies?: Record<string, ServiceHealth>;
  checkedAt: string;
}

/**
 * One cheap signed read per service. DLI's queue list and DWS's cluster list never change what
 * they show; MRS's connector list asks for one item. (The enhanced-connection list would do, but
 * reading a connection moves the simulator's "settle after N reads" clock.)
 */
const PROBES: Record<Service, { id: OperationId; query: Record<string, string> }> = {
  dli: { id: 'dli.listQueues', query: {} },
  mrs: { id: 'mrs.listDataConnectors', query: { limit: '1' } },
  dws: { id: 'dws.listClusters', query: {} },
};

export const READINESS_CACHE_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

export interface ReadinessCheck {
  /** The cached result, or a fresh one when older than the cache time; concurrent callers share one check. */
  current(): Promise<Readiness>;
}

export function createReadiness(deps: {
  caller: UpstreamCaller;
  upstream: UpstreamConfig;
  now: () => Date;
  cacheMs?: number;
  /** Each resolves when a store this instance depends on answers (Redis PING, PostgreSQL SELECT 1). */
  dependencies?: Record<string, () => Promise<void>>;
}): ReadinessCheck {
  const cacheMs = deps.cacheMs ?? READINESS_CACHE_MS;
  let cached: { at: number; value: Readiness } | undefined;
  let running: Promise<Readiness> | undefined;

  async function probe(service: Service): Promise<ServiceHealth> {
    const { id, query } = PROBES[service];
    const request = buildUpstreamRequest({ id, def: catalogue[id] }, { params: {}, query, body: undefined }, deps.upstream, {});
    const started = performance.now();
    const result = await deps.caller.call({
      request,
      operationId: `readiness ${service}`,
      mutating: false,
      requestId: 'readiness',
      budgetMs: Math.min(PROBE_TIMEOUT_MS, deps.caller.tuning.readTimeoutMs),
      attempts: 1,
    });
    const latencyMs = Math.round(performance.now() - started);
    const answer = answerFor(id, result, deps.caller.skew);
    if (!(answer instanceof ApiError)) return { ok: true, latencyMs };
    const up = answer.upstream;
    const detail = up ? ` (HTTP ${up.status}${up.code ? ` ${up.code}` : ''})` : '';
    return { ok: false, latencyMs, error: `${answer.code}${detail}` };
  }

  async function reach(name: string, ping: () => Promise<void>): Promise<readonly [string, ServiceHealth]> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
        }),
      ]);
      return [name, { ok: true, latencyMs: Math.round(performance.now() - started) }];
    } catch (err) {
      // The driver's message may carry a host or user name: only say that it failed.
      const code = (err as { code?: unknown }).code;
      const error = typeof code === 'string' && /^[A-Z0-9_]{1,20}$/.test(code) ? `UNREACHABLE (${code})` : 'UNREACHABLE';
      return [name, { ok: false, latencyMs: Math.round(performance.now() - started), error }];
    } finally {
      clearTimeout(timer);
    }
  }

  async function check(): Promise<Readiness> {
    const [results, reached] = await Promise.all([
      // A probe that throws (the signature guard's store unreachable) is a failed probe, not a 500.
      Promise.all(SERVICES.map(async (s) => [s, await probe(s).catch((): ServiceHealth => ({ ok: false, latencyMs: 0, error: 'INTERNAL' }))] as const)),
      Promise.all(Object.entries(deps.dependencies ?? {}).map(([name, ping]) => reach(name, ping))),
    ]);
    const services = Object.fromEntries(results) as Record<Service, ServiceHealth>;
    const skew = deps.caller.skew.reportable();
    return {
      status: [...results, ...reached].every(([, h]) => h.ok) ? 'ok' : 'degraded',
      services,
      ...(skew !== undefined ? { clockSkewMs: skew } : {}),
      ...(reached.length > 0 ? { dependencies: Object.fromEntries(reached) } : {}),
      checkedAt: deps.now().toISOString(),
    };
  }

  return {
    current() {
      if (cached && Date.now() - cached.at < cacheMs) return Promise.resolve(cached.value);
      running ??= check()
        .then((value) => {
          cached = { at: Date.now(), value };
          return value;
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },
  };
}
