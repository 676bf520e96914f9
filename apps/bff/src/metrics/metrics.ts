import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from './prom-client-parts.ts';
import type { Service } from '@dsc/api-types';
import { SERVICES } from '../endpoints.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';

export interface Metrics {
  readonly registry: Registry;
  /** Counts every answered request (route, method, status) and what its answer says. */
  readonly observe: RequestHandler;
  /** For the upstream caller: one attempt's outcome (HTTP status, or timeout/connection/broken) and time. */
  upstreamAttempt(target: string, service: Service, outcome: string, seconds: number): void;
  /** Where the limiter queue depth is read from at scrape time. */
  watchQueue(target: string, queued: (service: Service) => number): void;
  /** The upstream limiter of an instance fell back to its local share (Redis unreachable) or came back. */
  limiterFallback(target: string, service: Service, falling: boolean): void;
}

const FIXED_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/api/session', '/api/audit', '/api/status']);

/**
 * The route label: the catalogue operation when there is one, else one of a few fixed paths,
 * else "api-other" / "static". Never the raw path, whose ids would grow the label set without end.
 */
function routeOf(req: Parameters<RequestHandler>[0]): string {
  const ctx = contextOf(req);
  if (ctx.operationId) return ctx.operationId;
  const path = req.originalUrl.split('?')[0] ?? '';
  if (FIXED_ROUTES.has(path)) return path;
  return path.startsWith('/api/') ? 'api-other' : 'static';
}

/**
 * A metric's child for one combination of label values, made once. prom-client sorts and joins
 * the label object on every `inc`/`observe` otherwise, a few µs per request (issue 23). The
 * label values are bounded (routes, methods, statuses, targets), so the cache is too.
 */
function children<C>(make: (values: string[]) => C): (...values: string[]) => C {
  const made = new Map<string, C>();
  return (...values) => {
    const key = values.join('\0');
    let child = made.get(key);
    if (child === undefined) {
      child = make(values);
      made.set(key, child);
    }
    return child;
  };
}

/** One registry per server (tests run several in one process); prom-client's global one is not used. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dsc_' });
  const requests = new Counter({
    name: 'dsc_http_requests_total',
    help: 'Requests answered, by route (catalogue operation or fixed path), method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: 'dsc_upstream_requests_total',
    help: 'Upstream attempts by target, service and outcome (HTTP status, or timeout / connection / broken)',
    labelNames: ['target', 'service', 'status'],
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'dsc_upstream_request_duration_seconds',
    help: 'Upstream attempt latency, by target and service',
    labelNames: ['target', 'service'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const requestsBy = children(([route, method, status]) => requests.labels({ route, method, status }));
  const callsBy = children(([target, service, status]) => upstreamCalls.labels({ target, service, status }));
  const secondsBy = children(([target, service]) => upstreamSeconds.labels({ target, service }));
  const queues: Array<{ target: string; queued: (service: Service) => number }> = [];
  new Gauge({
    name: 'dsc_upstream_limiter_queued',
    help: 'Calls waiting for a slot with the upstream limiter, by target and service',
    labelNames: ['target', 'service'],
    registers: [registry],
    collect() {
      for (const q of queues) for (const s of SERVICES) this.set({ target: q.target, service: s }, q.queued(s));
    },
  });
  const fallback = new Gauge({
    name: 'dsc_upstream_limiter_fallback',
    help: '1 while the shared (Redis) upstream limiter is unreachable and this instance uses its local share',
    labelNames: ['target', 'service'],
    registers: [registry],
  });
  const replays = new Counter({
    name: 'dsc_idempotent_replays_total',
    help: 'Creates answered from the stored outcome of an earlier request with the same Idempotency-Key',
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: 'dsc_sign_in_failures_total',
    help: 'Refused sign-ins, by error code (INVALID_CREDENTIALS = wrong username or password, SIGN_IN_THROTTLED, …)',
    labelNames: ['code'],
    registers: [registry],
  });

  return {
    registry,
    observe(req, res, next) {
      res.once('finish', () => {
        const route = routeOf(req);
        requestsBy(route, req.method, String(res.statusCode)).inc();
        if (res.getHeader('idempotent-replayed') === 'true') replays.inc();
        const ctx = contextOf(req);
        if (ctx.audit?.operation === 'session.signIn' && res.statusCode >= 400) {
          signInFailures.inc({ code: ctx.errorCode ?? String(res.statusCode) });
        }
      });
      next();
    },
    upstreamAttempt(target, service, outcome, seconds) {
      callsBy(target, service, outcome).inc();
      secondsBy(target, service).observe(seconds);
    },
    watchQueue(target, queued) {
      queues.push({ target, queued });
    },
    limiterFallback(target, service, falling) {
      fallback.set({ target, service }, falling ? 1 : 0);
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * GET /metrics. With METRICS_TOKEN set: only requests bearing `Authorization: Bearer <token>`,
 * from anywhere. Without: only from the loopback interface, judged by the socket's own peer
 * address (not X-Forwarded-For), so a proxy on the same host must not forward /metrics.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (req.path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Cache-Control', 'no-store');
    const allowed = token
      ? tokenMatches(req.headers.authorization, token)
      : LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined;
    if (!allowed) {
      // Same answer whether the token is wrong or missing: nothing to learn by probing.
      next(new ApiError('NOT_FOUND', 'Not found'));
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.setHeader('Content-Type', metrics.registry.contentType);
        res.end(text);
      },
      (err: unknown) => next(err),
    );
  };
}
