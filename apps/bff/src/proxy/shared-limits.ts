import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Service } from '@dsc/api-types';
import type { UpstreamTuning } from '../config.ts';
import type { LimiterOptions, ServiceLimiter } from './service-limiter.ts';
import { createSharedServiceLimiter } from './shared-service-limiter.ts';

export interface SharedLimits {
  /** The limiter for one service of one target; every instance given the same key shares it. */
  limiterFor(key: string, service: Service, options: LimiterOptions): ServiceLimiter;
  close(): void;
}

export interface SharedLimitsOptions {
  redisUrl: string;
  tuning: UpstreamTuning;
  fallbackShare: number;
  logger: Logger;
  onFallback?: (key: string, service: Service, falling: boolean) => void;
}

/**
 * Upstream limits held in Redis (REDIS_URL) for all instances. Its own connection, without an
 * offline queue: while Redis is away a call is not held waiting for it but goes through the
 * instance's fallback share at once (see shared-service-limiter.ts). The server takes it through
 * open-shared-limits.ts, which imports this module only when REDIS_URL is set.
 */
export function createSharedLimits(o: SharedLimitsOptions): SharedLimits {
  const redis = new Redis(o.redisUrl, {
    keyPrefix: 'dsc:limits:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  redis.on('error', () => {});
  return {
    limiterFor(key, service, options) {
      return createSharedServiceLimiter({
        ...options,
        redis,
        key: `${key}:${service}`,
        // The longest a call may take, and then some: a slot left by a dead instance frees after this.
        leaseMs: Math.max(o.tuning.writeTimeoutMs, o.tuning.readTimeoutMs) + 5_000,
        fallbackShare: o.fallbackShare,
        onFallback: (falling) => {
          o.logger[falling ? 'warn' : 'info'](
            { service, limiterKey: key, share: o.fallbackShare },
            falling
              ? 'Redis unreachable: upstream limits fall back to this instance\'s share'
              : 'Redis reachable again: upstream limits shared again',
          );
          o.onFallback?.(key, service, falling);
        },
      });
    },
    close() {
      redis.disconnect();
    },
  };
}
