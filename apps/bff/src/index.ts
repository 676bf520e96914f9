// The package's public entry (package.json "exports") for the root launcher and tests.
export { createServer, type BffServer, type ServerDeps } from './server.ts';
export { createHttpServer } from './http-server.ts';
export { withDemoUpstream, withDemoTargets, type DemoUpstream, type DemoTarget } from './demo-upstream.ts';
export { DEFAULT_TARGET_ID, type TargetConfig } from './targets/target-config.ts';
export {
  loadConfig,
  ConfigError,
  type Config,
  type RealConfig,
  type DemoConfig,
  type UpstreamConfig,
  type UpstreamTuning,
  type Credentials,
  type TrustProxy,
} from './config.ts';
export { createLogger } from './logging.ts';
export { BFF_NODE_FLAGS } from './node-flags.ts';
export { createDemoUsers, type DemoUser } from './auth/demo-users.ts';
export { hashPassword, verifyPassword, parsePasswordHash, DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './auth/password-hash.ts';
export type { KvStore } from './store/kv-store.ts';
export { createMemoryStore } from './store/memory-store.ts';
export { createRedisStore, type RedisStoreOptions } from './store/redis-store.ts';
export { openAuditLog, type AuditLog } from './audit/audit-log.ts';
export { shutDownGracefully, type ShutdownOptions } from './graceful-shutdown.ts';
export type { Readiness, ServiceHealth } from './health/readiness.ts';
