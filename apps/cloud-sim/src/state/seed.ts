import { createPrng } from '../prng.ts';
import { BasicConnections } from './dli-queues.ts';
import { DliNetwork } from './dli-network.ts';
import { DliConnections } from './dli-state.ts';
import type { QueueRec } from './dli-types.ts';
import { DwsState } from './dws-state.ts';
import type { SimEnv } from './env.ts';
import { MrsConnectors } from './mrs-state.ts';
import { seedBasicConnections } from './seed-basic.ts';
import { seedConnections } from './seed-connections.ts';
import { seedDws } from './seed-dws.ts';
import { seedMrs } from './seed-mrs.ts';
import { seedQueues } from './seed-queues.ts';

export const DEFAULT_SEED = 20240917;
export const DEFAULT_ENHANCED_CONNECTIONS = 300;

export interface SimState {
  readonly dli: DliConnections;
  readonly dliNetwork: DliNetwork;
  readonly queues: readonly QueueRec[];
  readonly basic: BasicConnections;
  readonly mrs: MrsConnectors;
  readonly dws: DwsState;
}

/**
 * Builds the whole cloud from a seed. Each part draws from its own forked stream, so e.g. the
 * number of enhanced connections does not change the MRS or DWS data. Times are laid out
 * backwards from the start of the current UTC day, so one day's runs see identical data.
 */
export function createState(seed: number, enhancedConnections: number, env: SimEnv): SimState {
  const root = createPrng(seed);
  const resetAt = env.now();
  const anchor = Math.floor(resetAt / 86_400_000) * 86_400_000;
  const queues = seedQueues(root.fork('queues'), anchor);
  const connections = seedConnections(root.fork('connections'), enhancedConnections, queues, anchor, resetAt);
  const mrs = seedMrs(root.fork('mrs'), anchor);
  const dli = new DliConnections(connections, queues, env, root.fork('dli-new'));
  return {
    dli,
    dliNetwork: new DliNetwork(dli, queues, env),
    queues,
    basic: new BasicConnections(seedBasicConnections(root.fork('basic'), queues, anchor, resetAt), env),
    mrs: new MrsConnectors(mrs.connectors, env, root.fork('mrs-new'), mrs.tenantId),
    dws: new DwsState(seedDws(root.fork('dws'), anchor, resetAt), env, root.fork('dws-new')),
  };
}
