import type { FaultRule } from './faults.ts';
import type { RequestRecord } from './request-log.ts';
import type { ResetOptions, SimRuntime } from './runtime.ts';
import type { SimStats } from './stats.ts';
import type { Timing } from './timing.ts';

export interface SimInventory {
  projectId: string;
  seed: number;
  enhancedConnections: number;
  timing: Timing;
  clockOffsetMs: number;
  /** Basic connections have no list API upstream, so their ids are published here. */
  basicConnections: { connection_id: string; name: string; state: string }[];
  dwsClusters: { id: string; name: string; status: string }[];
  dwsJobs: string[];
}

/** The in-process handle to what the /_sim admin API does. */
export interface SimControl {
  readonly projectId: string;
  reset(opts?: ResetOptions): void;
  readonly faults: {
    list(): FaultRule[];
    replace(rules: readonly FaultRule[]): void;
    add(rules: readonly FaultRule[]): void;
    /** Removes rules equal to the given ones; an empty list removes all. */
    remove(rules: readonly FaultRule[]): void;
  };
  /** The last `limit` requests received (all of the ring buffer when omitted), oldest first. */
  requests(limit?: number): RequestRecord[];
  clearRequests(): void;
  stats(): SimStats;
  setClockOffset(offsetMs: number): void;
  clockOffset(): number;
  setTiming(timing: Timing): void;
  inventory(): SimInventory;
}

export function createControl(rt: SimRuntime, projectId: string): SimControl {
  return {
    projectId,
    reset: (opts) => rt.reset(opts),
    faults: {
      list: () => rt.faults.list(),
      replace: (rules) => rt.faults.replace(rules),
      add: (rules) => rt.faults.add(rules),
      remove: (rules) => rt.faults.remove(rules),
    },
    requests: (limit) => rt.log.last(limit),
    clearRequests: () => rt.log.clear(),
    stats: () => rt.stats.snapshot(),
    setClockOffset: (ms) => rt.clock.setOffset(ms),
    clockOffset: () => rt.clock.offset,
    setTiming: (t) => {
      rt.timing = t;
    },
    inventory: () => {
      const dws = rt.state.dws.ids();
      return {
        projectId,
        seed: rt.seed,
        enhancedConnections: rt.enhancedConnections,
        timing: rt.timing,
        clockOffsetMs: rt.clock.offset,
        basicConnections: rt.state.basic.ids(),
        dwsClusters: dws.clusters,
        dwsJobs: dws.jobs,
      };
    },
  };
}
