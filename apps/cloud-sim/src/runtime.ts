import { SimClock } from './clock.ts';
import { FaultStore } from './faults.ts';
import { AkLockout } from './gateway/lockout.ts';
import { RequestLog } from './request-log.ts';
import { createState, DEFAULT_ENHANCED_CONNECTIONS, DEFAULT_SEED } from './state/seed.ts';
import type { SimState } from './state/seed.ts';
import type { SimEnv } from './state/env.ts';
import { StatsCounter } from './stats.ts';
import { DEFAULT_TIMING } from './timing.ts';
import type { Timing } from './timing.ts';

export interface ResetOptions {
  seed?: number;
  enhancedConnections?: number;
  timing?: Timing;
}

export interface RuntimeOptions {
  seed?: number;
  enhancedConnections?: number;
  timing?: Timing;
}

/** Everything mutable in one simulator instance; the app and the control handle share it. */
export class SimRuntime {
  readonly clock = new SimClock();
  readonly log = new RequestLog();
  readonly stats = new StatsCounter();
  readonly lockout = new AkLockout();
  readonly faults: FaultStore;
  readonly env: SimEnv;
  timing: Timing;
  state: SimState;
  seed: number;
  enhancedConnections: number;

  constructor(private readonly defaults: RuntimeOptions) {
    this.seed = defaults.seed ?? DEFAULT_SEED;
    this.enhancedConnections = defaults.enhancedConnections ?? DEFAULT_ENHANCED_CONNECTIONS;
    this.timing = defaults.timing ?? DEFAULT_TIMING;
    const clock = this.clock;
    const timingOf = () => this.timing;
    this.env = {
      now: () => clock.now(),
      get timing() {
        return timingOf();
      },
    };
    this.faults = new FaultStore(this.seed);
    this.state = createState(this.seed, this.enhancedConnections, this.env);
  }

  /** Options left out fall back to the construction options, not to the previous reset's. */
  reset(opts: ResetOptions = {}): void {
    this.seed = opts.seed ?? this.defaults.seed ?? DEFAULT_SEED;
    this.enhancedConnections = opts.enhancedConnections ?? this.defaults.enhancedConnections ?? DEFAULT_ENHANCED_CONNECTIONS;
    this.timing = opts.timing ?? this.defaults.timing ?? DEFAULT_TIMING;
    this.clock.setOffset(0);
    this.log.clear();
    this.stats.reset();
    this.lockout.clear();
    this.faults.reset(this.seed);
    this.state = createState(this.seed, this.enhancedConnections, this.env);
  }
}
