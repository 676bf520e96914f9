import type { Tag } from '@dsc/api-types';
import { queueUsableForEnhanced } from '@dsc/api-types';
import type { Prng } from '../prng.ts';
import { startTransition } from '../timing.ts';
import { bindingFails } from './bindings.ts';
import type { EnhancedConnectionRec, LazyHosts, QueueBinding, QueueRec } from './dli-types.ts';
import { COST_CENTERS, DOMAINS, ENVS, HOST_PREFIXES, PEERING_FAILURES, SYSTEMS, TEAMS } from './names.ts';

const DAY = 86_400_000;
const POOLS = ['pool_analytics', 'pool_streaming', 'pool_batch'] as const;

/** system_domain_env, then _02, _03… once a combination is taken. */
function uniqueName(prng: Prng, taken: Map<string, number>): string {
  const base = `${prng.pick(SYSTEMS)}_${prng.pick(DOMAINS)}_${prng.pick(ENVS)}`;
  const n = (taken.get(base) ?? 0) + 1;
  taken.set(base, n);
  return n === 1 ? base : `${base}_${String(n).padStart(2, '0')}`;
}

function hosts(prng: Prng, count: number): LazyHosts {
  return { count, prefix: prng.pick(HOST_PREFIXES), tag: prng.hex(4), subnet: prng.int(0, 255) };
}

function tags(prng: Prng, env: string): Tag[] {
  const out: Tag[] = [];
  if (prng.chance(0.8)) out.push({ key: 'env', value: env });
  if (prng.chance(0.6)) out.push({ key: 'team', value: prng.pick(TEAMS) });
  if (prng.chance(0.3)) out.push({ key: 'cost-center', value: prng.pick(COST_CENTERS) });
  return out;
}

/** Seeded bindings: mostly ACTIVE, some FAILED with a reason, some still CREATING (and moving). */
function binding(prng: Prng, name: string, createTime: number, resetAt: number): QueueBinding {
  const updateTime = createTime + prng.int(1, 600) * 1000;
  const fails = bindingFails(name);
  const roll = prng.next();
  const peerId = prng.uuid();
  const reason = prng.pick(PEERING_FAILURES);
  if (roll < 0.13) {
    return {
      peerId, name, status: 'CREATING', errMsg: '', updateTime,
      pending: { transition: startTransition(resetAt), status: fails ? 'FAILED' : 'ACTIVE', errMsg: fails ? reason : '' },
    };
  }
  if (fails || roll < 0.25) return { peerId, name, status: 'FAILED', errMsg: reason, updateTime };
  return { peerId, name, status: 'ACTIVE', errMsg: '', updateTime };
}

export function seedConnections(prng: Prng, count: number, queues: readonly QueueRec[], anchor: number, resetAt: number) {
  const usable = queues.filter((q) => queueUsableForEnhanced(q).usable).map((q) => q.queue_name);
  const bigHosts = Math.max(3, Math.round(count / 1000));
  const taken = new Map<string, number>();
  const out: EnhancedConnectionRec[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const name = uniqueName(prng, taken);
    const env = name.slice(name.lastIndexOf('_') + 1);
    const createTime = anchor - prng.int(1, 240 * 24 * 60) * 60_000 - DAY;
    const deleted = prng.chance(0.08);
    const hostCount = i % Math.max(1, Math.floor(count / bigHosts)) === 7 ? prng.int(1000, 5000)
      : prng.chance(0.3) ? 0 : Math.floor(50 * prng.next() ** 2);
    const queueNames = deleted ? [] : [...new Set(Array.from({ length: prng.int(0, 3) }, () => prng.pick(usable)))];
    const poolNames = !deleted && prng.chance(0.2) ? [prng.pick(POOLS)] : [];
    const rec: Omit<EnhancedConnectionRec, 'networkCidr'> = {
      id: prng.uuid(),
      name,
      status: deleted ? 'DELETED' : 'ACTIVE',
      destVpcId: prng.uuid(),
      destNetworkId: prng.uuid(),
      ...(prng.chance(0.3) ? { routetableId: prng.uuid() } : {}),
      isPrivis: prng.chance(0.1),
      createTime,
      hosts: hosts(prng, hostCount),
      ipv6Enable: prng.chance(0.05),
      tags: tags(prng, env),
      queues: queueNames.map((q) => binding(prng, q, createTime, resetAt)),
      pools: poolNames.map((p) => binding(prng, p, createTime, resetAt)),
      // Every seeded connection routes to the shared-services range (a common estate layout).
      routes: [{ name: 'shared_services', cidr: '100.64.0.0/16', createTime }],
      grants: [],
    };
    // Seeded hosts live in 10.<subnet>.0.0/16 (hostsOf), so they are reachable through the
    // connection's own network; anything else needs a route. No extra draws: seeds stay stable.
    out[i] = { ...rec, networkCidr: `10.${(rec.hosts as LazyHosts).subnet}.0.0/16` };
  }
  return out;
}
