import type { Logger } from 'pino';
import type { Pool } from 'undici';
import { parseUpstreamError, type Service } from '@dsc/api-types';
import type { UpstreamConfig, UpstreamTuning } from '../config.ts';
import { SERVICES } from '../endpoints.ts';
import { ApiError } from '../errors.ts';
import type { KvStore } from '../store/kv-store.ts';
import type { UpstreamRequest } from './build-upstream-request.ts';
import { createClockSkew, type ClockSkew } from './clock-skew.ts';
import { createReadSharing, type ShareMode } from './read-sharing.ts';
import { parseRetryAfter, retryAfterSeconds } from './retry-after.ts';
import { backoffMs, RETRYABLE_STATUSES } from './retry-policy.ts';
import { createServiceLimiter, LimiterBusy, type LimiterOptions, type Release, type ServiceLimiter } from './service-limiter.ts';
import { signUpstreamRequest } from './sign-upstream-request.ts';
import { createSignatureGuard, isSignatureFailure, SIGNATURE_FAILURE_LIMIT, type SignatureGuard } from './signature-guard.ts';
import { sendOnce, type Exchange } from './upstream-client.ts';
import { parseJsonSafe } from './upstream-errors.ts';
import type { UpstreamResponse } from './upstream-response.ts';

export interface CallSpec {
  /** Built from validated input and configuration, not yet signed: each attempt is signed afresh. */
  request: UpstreamRequest;
  /** For logs: the catalogue operation (or what the call is for). */
  operationId: string;
  /** Writes are sent once; reads may be retried. */
  mutating: boolean;
  /** Our request id, for logs. */
  requestId: string;
  /** Instead of the read/write timeout (readiness probes use a shorter one). */
  budgetMs?: number;
  /** Instead of the configured read attempts. */
  attempts?: number;
  /**
   * Reads only: may this read share an identical one (decision 015)? 'window' joins one in flight
   * or takes an answer from the last UPSTREAM_READ_SHARE_MS; 'refresh' (the user's explicit
   * refresh) calls afresh and leaves its answer for the others. Unset: never shared (look-ups
   * after a lost create, readiness probes).
   */
  share?: ShareMode;
}

/**
 * A complete HTTP answer (any status; Retry-After already normalised to seconds), or a failure
 * with the error to answer and whether the request may have reached the upstream.
 */
export type CallResult = (
  | { kind: 'answer'; response: UpstreamResponse; attempts: number }
  | { kind: 'failed'; error: ApiError; sent: boolean; attempts: number }
) & {
  /** Set when the result was shared with an identical read: how long ago the upstream answered. */
  shared?: { ageMs: number };
};

export interface UpstreamCaller {
  call(spec: CallSpec): Promise<CallResult>;
  readonly skew: ClockSkew;
  readonly tuning: UpstreamTuning;
  /** Calls waiting for a slot with this service's limiter (a metrics gauge). */
  queued(service: Service): number;
  close(): void;
}

export interface CallerDeps {
  upstream: UpstreamConfig;
  tuning: UpstreamTuning;
  store: KvStore;
  logger: Logger;
  /** The signing clock (X-Sdk-Date). */
  now: () => Date;
  random?: () => number;
  /** Instead of a limiter in this process: e.g. one shared through Redis by every instance. */
  limiterFor?: (service: Service, options: LimiterOptions) => ServiceLimiter;
  /** Told of every attempt that got an answer or failed: for metrics. */
  onAttempt?: (service: Service, outcome: string, seconds: number) => void;
}

const SERVICE_NAME: Record<Service, string> = { dli: 'DLI', mrs: 'MRS', dws: 'DWS' };
/** A retry that would have less than this left of the budget is not worth starting. */
const MIN_ATTEMPT_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every upstream call goes through here: the per-service limiter (queue, concurrency, rate), the
 * signature guard, a fresh signature per attempt, one deadline for the whole call, and for reads
 * retries with jittered back-off on 429/502/503/504 and connection failures, honouring
 * Retry-After. Writes are sent once, whatever happens.
 */
export function createUpstreamCaller(d: CallerDeps): UpstreamCaller {
  const t = d.tuning;
  // undici is imported and each service's pool made on its first call, not at start: a start
  // does not parse undici, and the first call waits those few milliseconds (decision 020).
  const endpoints = new Map<Service, URL>(SERVICES.map((s) => [s, new URL(d.upstream.endpoints[s])]));
  const pools = new Map<Service, Promise<Pool>>();
  const poolFor = (service: Service): Promise<Pool> => {
    let pool = pools.get(service);
    if (!pool) {
      const endpoint = endpoints.get(service)!;
      pool = import('./upstream-pool.ts').then((m) => m.createUpstreamPool(endpoint));
      pools.set(service, pool);
    }
    return pool;
  };
  const limiters = new Map<Service, ServiceLimiter>(
    SERVICES.map((s) => {
      const options = { maxConcurrency: t.maxConcurrency, maxRps: t.maxRps, queueMax: t.queueMax };
      return [s, d.limiterFor ? d.limiterFor(s, options) : createServiceLimiter(options)];
    }),
  );
  const guard: SignatureGuard = createSignatureGuard({ store: d.store, ak: d.upstream.credentials.ak, pauseMs: t.authPauseMs });
  const skew = createClockSkew(() => d.now().getTime());
  const random = d.random ?? Math.random;

  /** One attempt: a slot, the guard's leave, a fresh signature, the exchange. */
  async function attempt(spec: CallSpec, deadline: number): Promise<Exchange | { kind: 'refused'; error: ApiError }> {
    const service = spec.request.service;
    let release: Release;
    try {
      release = await limiters.get(service)!.acquire(Math.min(t.queueWaitMs, deadline - Date.now()));
    } catch (err) {
      if (!(err instanceof LimiterBusy)) throw err;
      return {
        kind: 'refused',
        error: new ApiError(
          'UPSTREAM_BUSY',
          `The console is already sending as many requests to ${SERVICE_NAME[service]} as it allows (${t.maxConcurrency} at a time, ${t.maxRps} a second); try again shortly`,
          { headers: { 'Retry-After': retryAfterSeconds(err.retryAfterMs) } },
        ),
      };
    }
    try {
      const pool = await poolFor(service);
      const verdict = await guard.check();
      if (!verdict.send) return { kind: 'refused', error: guardRefusal(verdict) };
      // A shared limiter counts calls by clock second: sign within the second it counted.
      const sentAt = release.grantedAt ?? d.now().getTime();
      const signed = signUpstreamRequest(spec.request, d.upstream.credentials, new Date(sentAt));
      const started = performance.now();
      const ex = await sendOnce(signed, pool, deadline - Date.now());
      d.onAttempt?.(service, ex.kind === 'response' ? String(ex.response.status) : ex.kind, (performance.now() - started) / 1000);
      if (ex.kind !== 'response') {
        await verdict.done('other');
        return ex;
      }
      const estimate = skew.observe(ex.response.date, sentAt, d.now().getTime());
      const code = ex.response.status === 401 ? parseUpstreamError(parseJsonSafe(ex.response.body)).code : undefined;
      if (isSignatureFailure(ex.response.status, code)) {
        await verdict.done('signature-failure');
        if (code?.endsWith('.0303')) {
          skew.expired(estimate);
          d.logger.warn(
            { requestId: spec.requestId, operationId: spec.operationId, upstreamRequestId: ex.response.requestId, clockSkewMs: estimate?.skewMs },
            'the cloud says the request signature expired: the clocks differ',
          );
        }
      } else {
        await verdict.done(ex.response.status < 500 && ex.response.status !== 429 ? 'accepted' : 'other');
      }
      return ex;
    } finally {
      release();
    }
  }

  function guardRefusal(v: Exclude<Awaited<ReturnType<SignatureGuard['check']>>, { send: true }>): ApiError {
    if (v.reason === 'paused') {
      return new ApiError(
        'UPSTREAM_AUTH',
        `The console has stopped calling the cloud for ${retryAfterSeconds(v.retryAfterMs)} s after ${SIGNATURE_FAILURE_LIMIT} signature failures in a row, so that the gateway does not lock the access key; an administrator must check the configured AK/SK, the project and the server clock`,
        { headers: { 'Retry-After': retryAfterSeconds(v.retryAfterMs) } },
      );
    }
    return new ApiError(
      'UPSTREAM_AUTH',
      'The cloud refused the console\'s signature just now; until a request is accepted again the console sends one at a time, so that the gateway does not lock the access key; try again shortly',
      { headers: { 'Retry-After': '1' } },
    );
  }

  function failure(ex: Exclude<Exchange, { kind: 'response' }>, budgetMs: number): { error: ApiError; sent: boolean } {
    switch (ex.kind) {
      case 'timeout':
        return { error: new ApiError('UPSTREAM_TIMEOUT', `The cloud service did not answer within ${budgetMs} ms`), sent: ex.sent };
      case 'connection':
        return { error: new ApiError('UPSTREAM_UNREACHABLE', `The cloud service could not be reached (${ex.code})`), sent: ex.sent };
      case 'broken':
        return {
          error: new ApiError('UPSTREAM_BAD_RESPONSE', ex.message, {
            ...(ex.requestId ? { requestId: ex.requestId } : {}),
            upstream: { status: ex.status },
          }),
          sent: true,
        };
    }
  }

  // Only whole 2xx answers serve the window; failures are shared only by reads that joined the call.
  const sharing = createReadSharing<CallResult>({
    windowMs: t.readShareMs,
    now: () => Date.now(),
    keep: (r) => (r.kind === 'answer' && r.response.status >= 200 && r.response.status < 300 ? r.response.body.length : undefined),
  });

  /** Method, absolute URL with its query, and the one forwarded header that can change an answer. */
  const shareKey = (r: CallSpec['request']): string => `${r.method} ${r.url.href} ${r.headers['accept-language'] ?? ''}`;

  async function call(spec: CallSpec): Promise<CallResult> {
    const path = spec.request.url.pathname;
    if (spec.mutating) {
      // Before (no one takes an answer from before the change while it runs) and after (no read
      // that overlapped it is kept).
      sharing.invalidate(path);
      try {
        return await callUpstream(spec);
      } finally {
        sharing.invalidate(path);
      }
    }
    if (!spec.share) return callUpstream(spec);
    const { result, ageMs } = await sharing.read(shareKey(spec.request), path, spec.share, () => callUpstream(spec));
    return ageMs === undefined ? result : { ...result, shared: { ageMs } };
  }

  async function callUpstream(spec: CallSpec): Promise<CallResult> {
    const budgetMs = spec.budgetMs ?? (spec.mutating ? t.writeTimeoutMs : t.readTimeoutMs);
    const attempts = spec.mutating ? 1 : (spec.attempts ?? t.readAttempts);
    const deadline = Date.now() + budgetMs;
    for (let n = 1; ; n++) {
      const ex = await attempt(spec, deadline);
      if (ex.kind === 'refused') return { kind: 'failed', error: ex.error, sent: false, attempts: n };

      let result: CallResult;
      let retryAfterMs: number | undefined;
      let why: Record<string, unknown>;
      if (ex.kind === 'response') {
        const r = ex.response;
        retryAfterMs = parseRetryAfter(r.retryAfter, r.date ? Date.parse(r.date) || Date.now() : Date.now());
        const normalised = { ...r, retryAfter: retryAfterMs === undefined ? undefined : retryAfterSeconds(retryAfterMs) };
        result = { kind: 'answer', response: normalised, attempts: n };
        if (!RETRYABLE_STATUSES.has(r.status)) return result;
        why = { upstreamStatus: r.status, upstreamRequestId: r.requestId };
      } else {
        const f = failure(ex, budgetMs);
        result = { kind: 'failed', ...f, attempts: n };
        // A timeout has used the whole budget; nothing is left to retry with.
        if (ex.kind === 'timeout') return result;
        why = ex.kind === 'broken' ? { upstreamStatus: ex.status, upstreamRequestId: ex.requestId } : { cause: ex.code };
      }
      if (spec.mutating || n >= attempts) return result;

      const left = deadline - Date.now();
      const wait = Math.max(backoffMs(n, undefined, random), retryAfterMs ?? 0);
      // Retry-After beyond what is left: give up now and pass the upstream's answer (and its Retry-After) on.
      if (wait + MIN_ATTEMPT_MS > left) return result;
      d.logger.warn(
        { requestId: spec.requestId, operationId: spec.operationId, attempt: n, nextAttempt: n + 1, delayMs: wait, ...why },
        'retrying upstream read',
      );
      await sleep(wait);
    }
  }

  return {
    call,
    skew,
    tuning: t,
    queued: (service) => limiters.get(service)?.queued ?? 0,
    close() {
      for (const l of limiters.values()) l.close();
      for (const p of pools.values())
        p.then(
          (pool) => void pool.destroy(),
          () => {},
        );
    },
  };
}
