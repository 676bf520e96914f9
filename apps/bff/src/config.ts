import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { Service } from '@dsc/api-types';
import { randomBytes } from 'node:crypto';
import { ConfigError, PROJECT_ID, PROJECT_ID_RULE, endpointUrl, fail, trustProxySetting, type TrustProxy } from './config-rules.ts';
import { readOidcSettings, type OidcSettings } from './auth/oidc/oidc-settings.ts';
import { ENDPOINT_SETTING, knownRegions, resolveEndpoints, type Endpoints } from './endpoints.ts';
import { singleTarget, DEFAULT_TARGET_ID, type TargetConfig } from './targets/target-config.ts';
import { loadTargetsFile, SINGLE_TARGET_SETTINGS } from './targets/targets-file.ts';

export { ConfigError, type TrustProxy };

export interface Credentials {
  ak: string;
  sk: string;
  securityToken?: string;
}

/** Everything the signing proxy needs to reach and sign for the cloud (or the simulator). */
export interface UpstreamConfig {
  credentials: Credentials;
  projectId: string;
  region: string | undefined;
  endpoints: Endpoints;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** How the BFF calls the cloud: deadlines, read retries, and its own concurrency and rate limits. */
export interface UpstreamTuning {
  /** Whole budget of one read (queueing, every attempt, back-off): UPSTREAM_READ_TIMEOUT_MS. */
  readTimeoutMs: number;
  /** Deadline of one write (never retried): UPSTREAM_WRITE_TIMEOUT_MS. */
  writeTimeoutMs: number;
  /** Attempts per read, the first included: UPSTREAM_READ_ATTEMPTS. */
  readAttempts: number;
  /** Calls in flight per service: UPSTREAM_MAX_CONCURRENCY. */
  maxConcurrency: number;
  /** Calls started per second per service: UPSTREAM_MAX_RPS. */
  maxRps: number;
  /** Calls waiting for a slot per service before new ones are refused: UPSTREAM_QUEUE_MAX. */
  queueMax: number;
  /** Longest wait for a slot: UPSTREAM_QUEUE_WAIT_MS (never beyond the call's own deadline). */
  queueWaitMs: number;
  /** Pause after repeated signature failures: UPSTREAM_AUTH_PAUSE_MS. */
  authPauseMs: number;
  /** How long identical reads share an answer after it came (0: not even in flight): UPSTREAM_READ_SHARE_MS. */
  readShareMs: number;
}

export interface CommonConfig {
  host: string;
  port: number;
  upstreamTuning: UpstreamTuning;
  /** How long an idempotency key's outcome is kept: IDEMPOTENCY_WINDOW_HOURS. */
  idempotencyWindowHours: number;
  /** After SIGTERM, in-flight requests get this long: SHUTDOWN_TIMEOUT_MS. */
  shutdownTimeoutMs: number;
  logLevel: LogLevel;
  webDistDir: string;
  /** Required by createServer unless OIDC is configured; in demo mode the launcher supplies a file of demo users. */
  consoleUsersFile: string | undefined;
  /** OpenID Connect sign-in (OIDC_* and CONSOLE_ROLE_MAP); undefined when OIDC_ISSUER is unset. */
  oidc: OidcSettings | undefined;
  /** SESSION_SECRET; in demo mode a random one when unset (sessions then end with the process). */
  sessionSecret: string;
  /** Absolute path; default `data/audit.log` under the working directory. */
  auditLogFile: string;
  redisUrl: string | undefined;
  /** DATABASE_URL: the audit trail goes to PostgreSQL instead of AUDIT_LOG_FILE. */
  databaseUrl: string | undefined;
  /** METRICS_TOKEN: /metrics answers a request bearing it; without one, only loopback callers. */
  metricsToken: string | undefined;
  /** UPSTREAM_FALLBACK_SHARE: with REDIS_URL, the share of the upstream limits one instance uses while Redis is unreachable. */
  limiterFallbackShare: number;
  /** Express `trust proxy`; false unless TRUST_PROXY is set. */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** RESPONSE_SEND_TIMEOUT_MS: a client that has not taken its whole answer this long after it was written is disconnected. */
  responseSendTimeoutMs: number;
  /** SERVE_SOURCE_MAPS: serve the web build's `.map` files (they hold the full sources); off by default. */
  serveSourceMaps: boolean;
  /** How long a target's whole connection list is kept and shared between viewers: LIST_CACHE_MS. */
  listCacheMs: number;
}

export interface RealConfig extends CommonConfig {
  mode: 'real';
  /** Every target the BFF may act on: the targets file's, or one (`default`) from HUAWEICLOUD_*. */
  targets: TargetConfig[];
  /** The target of the unprefixed routes. */
  defaultTarget: string;
}

/** Demo mode: the launcher starts the simulator and supplies `targets` with `withDemoUpstream`/`withDemoTargets`. */
export interface DemoConfig extends CommonConfig {
  mode: 'demo';
  targets: TargetConfig[] | undefined;
  defaultTarget: string;
}

export type Config = RealConfig | DemoConfig;

const intSetting = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const optionalText = z.string().min(1).optional();

const EnvSchema = z.object({
  PORT: intSetting(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  UPSTREAM_TIMEOUT_MS: intSetting(100, 600_000).optional(),
  UPSTREAM_READ_TIMEOUT_MS: intSetting(100, 600_000).optional(),
  UPSTREAM_WRITE_TIMEOUT_MS: intSetting(100, 600_000).optional(),
  UPSTREAM_READ_ATTEMPTS: intSetting(1, 10).default(3),
  UPSTREAM_MAX_CONCURRENCY: intSetting(1, 1024).default(16),
  UPSTREAM_MAX_RPS: intSetting(1, 10_000).default(50),
  UPSTREAM_QUEUE_MAX: intSetting(0, 100_000).default(256),
  UPSTREAM_QUEUE_WAIT_MS: intSetting(0, 600_000).default(5_000),
  UPSTREAM_AUTH_PAUSE_MS: intSetting(1_000, 3_600_000).default(60_000),
  UPSTREAM_READ_SHARE_MS: intSetting(0, 60_000).default(1_000),
  IDEMPOTENCY_WINDOW_HOURS: intSetting(1, 168).default(24),
  SHUTDOWN_TIMEOUT_MS: intSetting(0, 600_000).default(25_000),
  RESPONSE_SEND_TIMEOUT_MS: intSetting(100, 3_600_000).default(60_000),
  SERVE_SOURCE_MAPS: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  WEB_DIST_DIR: optionalText,
  HUAWEICLOUD_SDK_AK: z.string().regex(/^[A-Za-z0-9]{8,128}$/, 'must be 8–128 letters and digits').optional(),
  HUAWEICLOUD_SDK_SK: z.string().regex(/^\S{8,256}$/, 'must be 8–256 characters without spaces').optional(),
  HUAWEICLOUD_SDK_SECURITY_TOKEN: z.string().regex(/^\S{1,16384}$/, 'must not contain spaces').optional(),
  HUAWEICLOUD_PROJECT_ID: z.string().regex(PROJECT_ID, PROJECT_ID_RULE).optional(),
  HUAWEICLOUD_REGION: z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, 'must be a region id such as cn-north-4').optional(),
  DLI_ENDPOINT: endpointUrl.optional(),
  MRS_ENDPOINT: endpointUrl.optional(),
  DWS_ENDPOINT: endpointUrl.optional(),
  CONSOLE_USERS_FILE: optionalText,
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_LOG_FILE: optionalText,
  TRUST_PROXY: trustProxySetting.optional(),
  SESSION_IDLE_MINUTES: intSetting(1, 1440).default(30),
  SESSION_ABSOLUTE_HOURS: intSetting(1, 720).default(8),
  LIST_CACHE_MS: intSetting(0, 600_000).default(5_000),
  CONSOLE_TARGETS_FILE: optionalText,
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  UPSTREAM_FALLBACK_SHARE: z.coerce
    .number({ error: 'must be a number' })
    .gt(0, 'must be more than 0')
    .max(1, 'must be at most 1')
    .default(0.5),
});
type Env = z.output<typeof EnvSchema>;

/** Defaults when neither the per-kind setting nor UPSTREAM_TIMEOUT_MS is set. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;

function upstreamTuning(e: Env): UpstreamTuning {
  return {
    readTimeoutMs: e.UPSTREAM_READ_TIMEOUT_MS ?? e.UPSTREAM_TIMEOUT_MS ?? DEFAULT_READ_TIMEOUT_MS,
    writeTimeoutMs: e.UPSTREAM_WRITE_TIMEOUT_MS ?? e.UPSTREAM_TIMEOUT_MS ?? DEFAULT_WRITE_TIMEOUT_MS,
    readAttempts: e.UPSTREAM_READ_ATTEMPTS,
    maxConcurrency: e.UPSTREAM_MAX_CONCURRENCY,
    maxRps: e.UPSTREAM_MAX_RPS,
    queueMax: e.UPSTREAM_QUEUE_MAX,
    queueWaitMs: e.UPSTREAM_QUEUE_WAIT_MS,
    authPauseMs: e.UPSTREAM_AUTH_PAUSE_MS,
    readShareMs: e.UPSTREAM_READ_SHARE_MS,
  };
}

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_WEB_DIST_DIR = path.resolve(BFF_DIR, '../web/dist');
/** AUDIT_LOG_FILE's default, relative to the working directory the BFF was started in. */
export const DEFAULT_AUDIT_LOG_FILE = 'data/audit.log';

/**
 * Reads the settings named in design.md. Empty strings count as unset (a `.env` template's
 * `NAME=`). With AK/SK the console runs for real and every setting it needs must be present and
 * well-formed; without them it is demo mode and the launcher supplies the simulator's upstream.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((k) => (env[k] ? [[k, env[k]]] : [])),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => ({ setting: String(i.path[0] ?? 'configuration'), message: i.message })));
  }
  const e = parsed.data;
  const common: CommonConfig = {
    host: e.HOST,
    port: e.PORT,
    upstreamTuning: upstreamTuning(e),
    idempotencyWindowHours: e.IDEMPOTENCY_WINDOW_HOURS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    serveSourceMaps: e.SERVE_SOURCE_MAPS === 'true',
    responseSendTimeoutMs: e.RESPONSE_SEND_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR ? path.resolve(e.WEB_DIST_DIR) : DEFAULT_WEB_DIST_DIR,
    consoleUsersFile: e.CONSOLE_USERS_FILE ? path.resolve(e.CONSOLE_USERS_FILE) : undefined,
    oidc: readOidcSettings(env, (p) => path.resolve(p)),
    // Real mode refuses to start without one (below); a demo gets a fresh one per start.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    auditLogFile: path.resolve(e.AUDIT_LOG_FILE ?? DEFAULT_AUDIT_LOG_FILE),
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    metricsToken: e.METRICS_TOKEN,
    limiterFallbackShare: e.UPSTREAM_FALLBACK_SHARE,
    trustProxy: e.TRUST_PROXY ?? false,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    listCacheMs: e.LIST_CACHE_MS,
  };

  if (e.CONSOLE_TARGETS_FILE) {
    const stray = SINGLE_TARGET_SETTINGS.filter((k) => e[k] !== undefined);
    if (stray.length > 0) {
      fail(stray.map((setting) => ({ setting, message: 'is set beside CONSOLE_TARGETS_FILE, which replaces it: give each target its settings in the file' })));
    }
    const missing: { setting: string; message: string }[] = [];
    if (!e.CONSOLE_USERS_FILE && !common.oidc) missing.push({ setting: 'CONSOLE_USERS_FILE', message: 'is missing (the JSON file of console users; or configure OIDC_ISSUER)' });
    if (!e.SESSION_SECRET) missing.push({ setting: 'SESSION_SECRET', message: 'is missing (at least 32 random characters)' });
    if (missing.length > 0) fail(missing);
    const file = loadTargetsFile(path.resolve(e.CONSOLE_TARGETS_FILE), env);
    return { mode: 'real', ...common, targets: file.targets, defaultTarget: file.defaultId };
  }
  if (!e.HUAWEICLOUD_SDK_AK && !e.HUAWEICLOUD_SDK_SK) {
    if (e.HUAWEICLOUD_SDK_SECURITY_TOKEN) {
      fail([{ setting: 'HUAWEICLOUD_SDK_SECURITY_TOKEN', message: 'is set without HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK' }]);
    }
    return { mode: 'demo', ...common, targets: undefined, defaultTarget: DEFAULT_TARGET_ID };
  }
  return { mode: 'real', ...common, targets: [singleTarget(realUpstream(e, common.oidc !== undefined))], defaultTarget: DEFAULT_TARGET_ID };
}

function realUpstream(e: Env, oidc: boolean): UpstreamConfig {
  const issues: { setting: string; message: string }[] = [];
  if (!e.HUAWEICLOUD_SDK_AK) issues.push({ setting: 'HUAWEICLOUD_SDK_AK', message: 'is missing (HUAWEICLOUD_SDK_SK is set: give both or neither)' });
  if (!e.HUAWEICLOUD_SDK_SK) issues.push({ setting: 'HUAWEICLOUD_SDK_SK', message: 'is missing (HUAWEICLOUD_SDK_AK is set: give both or neither)' });
  if (!e.HUAWEICLOUD_PROJECT_ID) issues.push({ setting: 'HUAWEICLOUD_PROJECT_ID', message: `is missing; it ${PROJECT_ID_RULE}` });
  if (!e.CONSOLE_USERS_FILE && !oidc) issues.push({ setting: 'CONSOLE_USERS_FILE', message: 'is missing (the JSON file of console users; or configure OIDC_ISSUER)' });
  if (!e.SESSION_SECRET) issues.push({ setting: 'SESSION_SECRET', message: 'is missing (at least 32 random characters)' });

  const overrides: Partial<Record<Service, string>> = {
    dli: e.DLI_ENDPOINT,
    mrs: e.MRS_ENDPOINT,
    dws: e.DWS_ENDPOINT,
  };
  const resolved = resolveEndpoints(e.HUAWEICLOUD_REGION, overrides);
  if (resolved.endpoints === undefined) {
    const names = resolved.missing.map((s) => ENDPOINT_SETTING[s]).join(', ');
    issues.push(
      e.HUAWEICLOUD_REGION
        ? {
            setting: 'HUAWEICLOUD_REGION',
            message: `has no known endpoint for ${resolved.missing.join(', ')}: set ${names} (known regions: ${knownRegions().join(', ')})`,
          }
        : { setting: 'HUAWEICLOUD_REGION', message: `is missing: set it, or set all of ${names}` },
    );
  }
  if (issues.length > 0 || !resolved.endpoints) fail(issues);
  return {
    credentials: {
      ak: e.HUAWEICLOUD_SDK_AK!,
      sk: e.HUAWEICLOUD_SDK_SK!,
      ...(e.HUAWEICLOUD_SDK_SECURITY_TOKEN ? { securityToken: e.HUAWEICLOUD_SDK_SECURITY_TOKEN } : {}),
    },
    projectId: e.HUAWEICLOUD_PROJECT_ID!,
    region: e.HUAWEICLOUD_REGION,
    endpoints: resolved.endpoints,
  };
}
