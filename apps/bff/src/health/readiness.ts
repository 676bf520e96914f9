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

export function createReadiness(deps: { caller: UpstreamCaller; upstream: UpstreamConfig; now: () => Date; cacheMs?: number }): ReadinessCheck {
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

  async function check(): Promise<Readiness> {
    const results = await Promise.all(SERVICES.map(async (s) => [s, await probe(s)] as const));
    const services = Object.fromEntries(results) as Record<Service, ServiceHealth>;
    const skew = deps.caller.skew.reportable();
    return {
      status: results.every(([, h]) => h.ok) ? 'ok' : 'degraded',
      services,
      ...(skew !== undefined ? { clockSkewMs: skew } : {}),
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
