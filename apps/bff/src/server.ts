import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { AuditLog } from './audit/audit-log.ts';
import { openConfiguredAudit } from './audit/open-audit.ts';
import { auditTrail } from './audit/audit-trail.ts';
import { authorize } from './auth/authorize.ts';
import { loadSession } from './auth/load-session.ts';
import { createFlowStore } from './auth/oidc/flow-store.ts';
import { OIDC_NAVIGATIONS, oidcRoutes } from './auth/oidc/oidc-routes.ts';
import { createRelyingParty } from './auth/oidc/relying-party.ts';
import { loadRoleMap } from './auth/oidc/role-map.ts';
import { readSessionId } from './auth/session-cookie.ts';
import { createSessions } from './auth/sessions.ts';
import { signInRateLimit } from './auth/sign-in-rate-limit.ts';
import { createSignInThrottle } from './auth/sign-in-throttle.ts';
import { loadUserDirectory } from './auth/users-file.ts';
import type { Config } from './config.ts';
import { fail } from './config-rules.ts';
import { requireTargets } from './demo-upstream.ts';
import { compressBuiltAnswers } from './compress-answers.ts';
import { csrfGuard } from './csrf.ts';
import { apiNotFound, errorHandler, notFound } from './error-handler.ts';
import { createReadiness } from './health/readiness.ts';
import { createIdempotency } from './idempotency/idempotency-records.ts';
import { createConnectionListSource } from './list-view/connection-list-source.ts';
import { createLogger, httpLogger } from './logging.ts';
import { createMetrics, metricsRoute } from './metrics/metrics.ts';
import { openSharedLimits } from './proxy/open-shared-limits.ts';
import { forwardStep } from './proxy/forward.ts';
import { contextOf, requestId } from './request-context.ts';
import { sequence } from './routes/run-steps.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { doctorRoutes } from './routes/doctor-routes.ts';
import { createDoctorHistory } from './doctor/doctor-history.ts';
import { catalogueRoutes } from './routes/catalogue-routes.ts';
import { connectionViewRoutes, invalidateListsOnWrite } from './routes/connection-view-routes.ts';
import { fleetRoutes } from './routes/fleet-routes.ts';
import { savedViewRoutes } from './routes/saved-view-routes.ts';
import { healthRoutes, statusRoute } from './routes/health-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { hsts, noStore, securityHeaders } from './security-headers.ts';
import { sendTimeout } from './send-timeout.ts';
import { staticSpa } from './static-spa.ts';
import type { KvStore } from './store/kv-store.ts';
import { openConfiguredStore } from './store/open-store.ts';
import { headlineRole, rolesOnTargets } from './targets/roles.ts';
import { selectTarget } from './targets/select-target.ts';
import { createTargets } from './targets/targets.ts';

export interface ServerDeps {
  logger?: Logger;
  /** The clock for signing, session expiry, sign-in back-off and audit times; tests pin or move it. */
  now?: () => Date;
  /** Instead of the store chosen by REDIS_URL (memory when unset). The caller closes it. */
  store?: KvStore;
  /** Instead of the file log at AUDIT_LOG_FILE. The caller closes it. */
  audit?: AuditLog;
  /** How long a repeated create waits for the first one with its Idempotency-Key (default 5 s). */
  idempotencyWaitMs?: number;
  /** How long /readyz reuses a check (default READINESS_CACHE_MS). */
  readinessCacheMs?: number;
  /** How often a lookup checks CONSOLE_USERS_FILE for changes (default USERS_FILE_CHECK_MS); tests use 0. */
  usersFileCheckMs?: number;
}

export interface BffServer {
  app: Express;
  /** Shutdown has begun: /readyz answers 503 and every answer from now on closes its connection. */
  drain(): void;
  /** Requests being answered right now. */
  inFlight(): number;
  /** Releases what the app holds (upstream sockets, the store, the audit file). The HTTP server is the caller's. */
  close(): Promise<void>;
}

/** How long a repeat waits for the first request with its Idempotency-Key before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 5_000;

/**
 * The whole BFF as an Express app, without listening (main.ts and tests do that). Order:
 * in-flight tracking → request id → access log → security headers → /healthz, /readyz → /api
 * (no-store, audit trail, CSRF, /api/status, session, /api/session, /api/audit, catalogue
 * routes, 404) → SPA → 404 → one error shape.
 * Throws ConfigError when CONSOLE_USERS_FILE, SESSION_SECRET, AUDIT_LOG_FILE or TRUST_PROXY
 * cannot be used.
 */
export function createServer(config: Config, deps: ServerDeps = {}): BffServer {
  const targetConfigs = requireTargets(config);
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = deps.now ?? (() => new Date());
  if (!config.consoleUsersFile && !config.oidc) {
    fail([
      {
        setting: 'CONSOLE_USERS_FILE',
        message:
          'is missing (the JSON file of console users, or configure OIDC_ISSUER; `pnpm start` makes demo users in demo mode)',
      },
    ]);
  }
  if (config.sessionSecret.length < 32)
    fail([{ setting: 'SESSION_SECRET', message: 'must be at least 32 characters' }]);
  const knownTargets = new Set(targetConfigs.map((t) => t.id));
  // With OIDC the users file is optional: kept, it is the break-glass password sign-in.
  const users = config.consoleUsersFile
    ? loadUserDirectory(config.consoleUsersFile, logger, {
        ...(deps.usersFileCheckMs !== undefined ? { checkEveryMs: deps.usersFileCheckMs } : {}),
        knownTargets,
      })
    : undefined;
  const roleMap = config.oidc ? loadRoleMap(config.oidc.roleMapFile, knownTargets) : undefined;
  const auditLog = deps.audit ?? openConfiguredAudit(config);
  const store = deps.store ?? openConfiguredStore(config.redisUrl, () => now().getTime());
  const sharedStore = deps.store !== undefined || config.redisUrl !== undefined;

  const tuning = config.upstreamTuning;
  const metrics = createMetrics();
  const sharedLimits = config.redisUrl
    ? openSharedLimits({
        redisUrl: config.redisUrl,
        tuning,
        fallbackShare: config.limiterFallbackShare,
        logger,
        onFallback: (key, service, falling) => metrics.limiterFallback(key, service, falling),
      })
    : undefined;
  const targets = createTargets(targetConfigs, config.defaultTarget, {
    tuning,
    store,
    logger,
    now,
    ...(sharedLimits ? { limiterFor: (target, service, options) => sharedLimits.limiterFor(target, service, options) } : {}),
    onAttempt: (target, service, outcome, seconds) => metrics.upstreamAttempt(target, service, outcome, seconds),
  });
  const sessions = createSessions({
    store,
    users,
    describe: (username, grants) => {
      const onTargets = rolesOnTargets(grants, targets.ids);
      const role = headlineRole(onTargets, targets.default.id);
      return role === undefined ? undefined : { username, role, targets: onTargets };
    },
    secret: config.sessionSecret,
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionAbsoluteHours * 3_600_000,
    now,
  });
  const rp = config.oidc ? createRelyingParty(config.oidc, logger) : undefined;
  const throttle = createSignInThrottle({ store, secret: config.sessionSecret, now });
  const caller = targets.default.caller;
  for (const t of targets.all) metrics.watchQueue(t.id, (service) => t.caller.queued(service));
  const idempotency = createIdempotency({
    store,
    windowMs: config.idempotencyWindowHours * 3_600_000,
    // The create's whole budget plus two lookups by name, with room to spare.
    ownerMs: tuning.writeTimeoutMs + 2 * tuning.readTimeoutMs + 10_000,
    waitMs: deps.idempotencyWaitMs ?? IDEMPOTENCY_WAIT_MS,
  });
  const createDeps = { idempotency };
  const readiness = createReadiness({
    caller,
    upstream: targets.default.upstream,
    now,
    ...(deps.readinessCacheMs !== undefined ? { cacheMs: deps.readinessCacheMs } : {}),
    dependencies: {
      ...(store.ping ? { redis: () => store.ping!() } : {}),
      ...(auditLog.check ? { postgres: () => auditLog.check!() } : {}),
    },
  });

  const listViews = {
    source: createConnectionListSource({ ttlMs: config.listCacheMs, now: () => now().getTime() }),
    // The request's target (`/api/t/:targetId/…`), else the default.
    targetOf: (req: Request) => contextOf(req).target ?? targets.default,
  };

  let draining = false;
  const inFlight = new Set<Response>();
  const trackInFlight: RequestHandler = (_req, res, next) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
    if (draining) res.setHeader('Connection', 'close');
    next();
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  try {
    app.set('trust proxy', config.trustProxy);
  } catch {
    fail([{ setting: 'TRUST_PROXY', message: 'is not a valid proxy address list' }]);
  }

  app.use(
    sequence(
      trackInFlight,
      requestId,
      metrics.observe,
      httpLogger(logger),
      sendTimeout(config.responseSendTimeoutMs, logger),
      securityHeaders(),
      hsts,
      healthRoutes({ readiness, draining: () => draining }),
      metricsRoute(metrics, config.metricsToken),
    ),
  );

  const status = statusRoute({ readiness, sessions });
  // One layer for everything every /api request goes through: each mount costs the router a match
  // and a prefix strip and restore per request.
  app.use(
    '/api',
    sequence(
      compressBuiltAnswers,
      noStore,
      auditTrail({
        log: auditLog,
        now,
        logger,
        peekUser: async (req) => {
          const id = readSessionId(req);
          return id ? sessions.resolve(id, { touch: false }) : undefined;
        },
      }),
      // The OIDC login and callback are browser navigations: the flow cookie and state guard them.
      (req, res, next) =>
        req.method === 'GET' && OIDC_NAVIGATIONS.has(`/api${req.path}`)
          ? next()
          : csrfGuard(req, res, next),
      // Before the session is loaded: /api/status looks without counting as activity.
      (req, res, next) => (req.path === '/status' || req.path === '/status/' ? status(req, res, next) : next()),
      loadSession(sessions),
      invalidateListsOnWrite(listViews),
    ),
  );
  // The catalogue first: it carries nearly all the traffic, and the paths do not overlap.
  const forward = (op: Parameters<typeof forwardStep>[0]) => forwardStep(op, createDeps);
  app.use(catalogueRoutes({ authorize, defaultTarget: targets.default, forward }));
  app.use(
    '/api/t/:targetId',
    selectTarget(targets),
    catalogueRoutes({ authorize, defaultTarget: targets.default, forward, pathPrefix: '/api' }),
  );
  app.use(fleetRoutes(targets));
  const rateLimit = signInRateLimit({ store, shared: sharedStore, now, logger });
  if (config.oidc && rp && roleMap) {
    app.use(
      oidcRoutes({
        settings: config.oidc,
        rp,
        flows: createFlowStore({ store, secret: config.sessionSecret }),
        sessions,
        roleMap,
        rateLimit,
        logger,
      }),
    );
  }
  app.use(
    sessionRoutes({
      sessions,
      users,
      throttle,
      rateLimit,
      ...(config.oidc && rp ? { oidc: { settings: config.oidc, rp } } : {}),
    }),
  );
  app.use(auditRoutes({ log: auditLog, targetIds: targets.ids }));
  const doctorHistory = createDoctorHistory({ store, now });
  app.use(doctorRoutes({ history: doctorHistory, defaultTarget: targets.default, base: '/api' }));
  app.use('/api/t/:targetId', selectTarget(targets), doctorRoutes({ history: doctorHistory, defaultTarget: targets.default, base: '' }));
  app.use(connectionViewRoutes(listViews));
  app.use(savedViewRoutes({ store }));
  app.use('/api/t/:targetId', selectTarget(targets), connectionViewRoutes({ ...listViews, pathPrefix: '/api' }));
  app.use('/api', apiNotFound);

  app.use(staticSpa(config.webDistDir, { sourceMaps: config.serveSourceMaps }));
  app.use(notFound);
  app.use(errorHandler);

  return {
    app,
    drain() {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    },
    inFlight: () => inFlight.size,
    close: async () => {
      targets.close();
      sharedLimits?.close();
      if (!deps.store) await store.close();
      if (!deps.audit) await auditLog.close();
    },
  };
}
