import type { Logger } from 'pino';
import type { UpstreamConfig, UpstreamTuning } from '../config.ts';
import { createFinder, type FindCreated } from '../idempotency/find-created.ts';
import { createUpstreamCaller, type UpstreamCaller } from '../proxy/upstream-caller.ts';
import type { KvStore } from '../store/kv-store.ts';
import type { TargetConfig } from './target-config.ts';

/**
 * One target as a request uses it: who it is, how to reach it, and its own upstream caller, so
 * its keys sign only its calls and its limits and signature guard count only its traffic.
 */
export interface Target {
  readonly id: string;
  readonly name: string;
  readonly region: string | undefined;
  readonly projectId: string;
  readonly upstream: UpstreamConfig;
  readonly caller: UpstreamCaller;
  /** Looks a created resource up by name when a create's answer was lost (decision 004). */
  readonly find: FindCreated;
}

export interface Targets {
  readonly default: Target;
  readonly all: readonly Target[];
  readonly ids: readonly string[];
  get(id: string): Target | undefined;
  close(): void;
}

export interface TargetDeps {
  tuning: UpstreamTuning;
  store: KvStore;
  logger: Logger;
  now: () => Date;
}

/** The target's own limits over the UPSTREAM_* defaults. */
export function tuningFor(t: TargetConfig, base: UpstreamTuning): UpstreamTuning {
  return {
    ...base,
    ...(t.maxRps !== undefined ? { maxRps: t.maxRps } : {}),
    ...(t.maxConcurrency !== undefined ? { maxConcurrency: t.maxConcurrency } : {}),
    ...(t.readTimeoutMs !== undefined ? { readTimeoutMs: t.readTimeoutMs } : {}),
  };
}

export function createTargets(configs: readonly TargetConfig[], defaultId: string, d: TargetDeps): Targets {
  const all = configs.map((t): Target => {
    const upstream: UpstreamConfig = { credentials: t.credentials, projectId: t.projectId, region: t.region, endpoints: t.endpoints };
    const caller = createUpstreamCaller({
      upstream,
      tuning: tuningFor(t, d.tuning),
      store: d.store,
      logger: d.logger.child({ target: t.id }),
      now: d.now,
    });
    return { id: t.id, name: t.name, region: t.region, projectId: t.projectId, upstream, caller, find: createFinder({ caller, upstream }) };
  });
  const byId = new Map(all.map((t) => [t.id, t]));
  const fallback = byId.get(defaultId);
  if (!fallback) throw new Error(`createTargets: the default target "${defaultId}" is not among the targets`);
  return {
    default: fallback,
    all,
    ids: all.map((t) => t.id),
    get: (id) => byId.get(id),
    close() {
      for (const t of all) t.caller.close();
    },
  };
}
