import { queueUsableForEnhanced } from '@dsc/api-types';
import type { CreateEnhancedConnectionBody, Host, ListEnhancedConnectionsQuery, QueueBindingBody } from '@dsc/api-types';
import { dliErrors } from '../http/service-error.ts';
import type { Prng } from '../prng.ts';
import { newBinding, renderBinding, restartBinding, settleBinding } from './bindings.ts';
import type { EnhancedConnectionRec, QueueBinding, QueueRec } from './dli-types.ts';
import type { SimEnv } from './env.ts';

/** The docs say the list is sorted by creation time; the simulator lists newest first. */
const DEFAULT_LIMIT = 100;

function parseTagFilter(text: string): { key: string; value: string }[] {
  return text.split(',').map((pair) => {
    const i = pair.indexOf('=');
    return { key: pair.slice(0, i).trim(), value: pair.slice(i + 1).trim() };
  });
}

export class DliConnections {
  private sorted = false;
  private readonly byId: Map<string, EnhancedConnectionRec>;

  constructor(
    private readonly connections: EnhancedConnectionRec[],
    private readonly queues: readonly QueueRec[],
    private readonly env: SimEnv,
    private readonly prng: Prng,
  ) {
    this.byId = new Map(connections.map((c) => [c.id, c]));
  }

  get size(): number {
    return this.connections.length;
  }

  /** Newest first; `count` is the number matching the filters before paging. */
  list(q: ListEnhancedConnectionsQuery) {
    if (!this.sorted) {
      this.connections.sort((a, b) => b.createTime - a.createTime);
      this.sorted = true;
    }
    const status = q.status?.toUpperCase();
    const name = q.name?.toLowerCase();
    const tags = q.tags === undefined ? [] : parseTagFilter(q.tags);
    const matching = this.connections.filter(
      (c) =>
        (status === undefined || c.status.toUpperCase() === status) &&
        // The docs do not say exact or substring: the simulator matches a case-insensitive substring.
        (name === undefined || c.name.toLowerCase().includes(name)) &&
        tags.every((t) => c.tags.some((ct) => ct.key === t.key && (t.value === '' || ct.value === t.value))),
    );
    const offset = Number(q.offset ?? 0);
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    const page = limit === 0 ? matching.slice(offset) : matching.slice(offset, offset + limit);
    return { count: matching.length, connections: page.map((c) => this.render(c, true, true)) };
  }

  get(id: string) {
    return this.render(this.require(id, false), false, true);
  }

  create(body: CreateEnhancedConnectionBody): string {
    if (this.connections.some((c) => c.status !== 'DELETED' && c.name === body.name)) {
      throw dliErrors.exists(`The connection name ${body.name} already exists.`);
    }
    const queueNames = dedupe(body.queues ?? []);
    queueNames.forEach((n) => this.checkQueueUsable(n));
    const now = this.env.now();
    const rec: EnhancedConnectionRec = {
      id: this.prng.uuid(),
      name: body.name,
      status: 'ACTIVE',
      destVpcId: body.dest_vpc_id,
      destNetworkId: body.dest_network_id,
      ...(body.routetable_id ? { routetableId: body.routetable_id } : {}),
      isPrivis: false,
      createTime: now,
      hosts: (body.hosts ?? []).map((h) => ({ name: h.name, ip: h.ip })),
      ipv6Enable: false,
      tags: (body.tags ?? []).map((t) => ({ key: t.key, value: t.value })),
      queues: queueNames.map((n) => newBinding(n, this.env, this.prng)),
      pools: dedupe(body.elastic_resource_pools ?? []).map((n) => newBinding(n, this.env, this.prng)),
      networkCidr: subnetCidrOf(body.dest_network_id),
      routes: [],
      grants: [],
    };
    this.connections.push(rec);
    this.byId.set(rec.id, rec);
    this.sorted = false;
    return rec.id;
  }

  delete(id: string): void {
    const c = this.require(id, true);
    c.status = 'DELETED';
    c.queues = [];
    c.pools = [];
  }

  associate(id: string, body: QueueBindingBody): void {
    const c = this.require(id, true);
    const queues = dedupe(body.queues ?? []);
    const pools = dedupe(body.elastic_resource_pools ?? []);
    queues.forEach((n) => this.checkQueueUsable(n));
    const check = (list: QueueBinding[], n: string, what: string) => {
      const b = list.find((x) => x.name === n);
      if (b) settleBinding(b, this.env, false);
      if (b && b.status !== 'FAILED') throw dliErrors.exists(`The ${what} ${n} is already associated with connection ${c.name}.`);
    };
    queues.forEach((n) => check(c.queues, n, 'queue'));
    pools.forEach((n) => check(c.pools, n, 'elastic resource pool'));
    const bind = (list: QueueBinding[], n: string) => {
      const failed = list.find((x) => x.name === n);
      if (failed) restartBinding(failed, this.env, this.prng);
      else list.push(newBinding(n, this.env, this.prng));
    };
    queues.forEach((n) => bind(c.queues, n));
    pools.forEach((n) => bind(c.pools, n));
  }

  disassociate(id: string, body: QueueBindingBody): void {
    const c = this.require(id, true);
    const queues = dedupe(body.queues ?? []);
    const pools = dedupe(body.elastic_resource_pools ?? []);
    for (const n of queues) {
      if (!c.queues.some((b) => b.name === n)) throw dliErrors.notFound(`The queue ${n} is not associated with connection ${c.name}.`);
    }
    for (const n of pools) {
      if (!c.pools.some((b) => b.name === n)) {
        throw dliErrors.notFound(`The elastic resource pool ${n} is not associated with connection ${c.name}.`);
      }
    }
    c.queues = c.queues.filter((b) => !queues.includes(b.name));
    c.pools = c.pools.filter((b) => !pools.includes(b.name));
  }

  replaceHosts(id: string, hosts: readonly Host[]): void {
    this.require(id, true).hosts = hosts.map((h) => ({ name: h.name, ip: h.ip }));
  }

  /** A connection that may be changed (not DELETED), or DLI.0002. */
  active(id: string): EnhancedConnectionRec {
    return this.require(id, true);
  }

  /** The ACTIVE connections a queue (or pool) of this name is bound to, with its binding settled. */
  bindingsOf(queueName: string): { connection: EnhancedConnectionRec; binding: QueueBinding }[] {
    const out: { connection: EnhancedConnectionRec; binding: QueueBinding }[] = [];
    for (const c of this.connections) {
      if (c.status === 'DELETED') continue;
      const b = c.queues.find((x) => x.name === queueName) ?? c.pools.find((x) => x.name === queueName);
      if (!b) continue;
      settleBinding(b, this.env, false);
      out.push({ connection: c, binding: b });
    }
    return out;
  }

  /** Docs: only yearly/monthly or dedicated queues, never `default`. */
  private checkQueueUsable(name: string): void {
    const q = this.queues.find((x) => x.queue_name === name);
    if (!q) throw dliErrors.notFound(`The queue ${name} does not exist.`);
    const usable = queueUsableForEnhanced(q);
    if (usable.usable) return;
    if (usable.reason === 'default') throw dliErrors.param('Datasource connections cannot be created for the default queue.');
    throw dliErrors.unsupported(
      `Only yearly/monthly queues and dedicated queues are allowed to use enhanced datasource connections: ${name}.`,
    );
  }

  /** A DELETED connection can still be read, but changes to it answer "does not exist". */
  private require(id: string, mustBeActive: boolean): EnhancedConnectionRec {
    const c = this.byId.get(id);
    if (!c || (mustBeActive && c.status === 'DELETED')) {
      throw dliErrors.notFound(`The enhanced datasource connection ${id} does not exist.`);
    }
    return c;
  }

  private render(c: EnhancedConnectionRec, withPrivis: boolean, countRead: boolean) {
    for (const b of c.queues) settleBinding(b, this.env, countRead);
    for (const b of c.pools) settleBinding(b, this.env, countRead);
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      available_queue_info: c.queues.map(renderBinding),
      elastic_resource_pools: c.pools.map(renderBinding),
      dest_vpc_id: c.destVpcId,
      dest_network_id: c.destNetworkId,
      ...(withPrivis ? { isPrivis: c.isPrivis } : {}),
      create_time: c.createTime,
      hosts: hostsOf(c),
      ipv6_enable: c.ipv6Enable,
      ...(c.routetableId ? { routetable_id: c.routetableId } : {}),
      tags: c.tags,
      // Only the detail carries routes: a 20,000-item list should not grow for them.
      ...(withPrivis ? {} : { routes: c.routes.map((r) => ({ name: r.name, cidr: r.cidr, create_time: r.createTime })) }),
    };
  }
}

/** A created connection's subnet range, derived from its network id so it is stable across reads. */
function subnetCidrOf(networkId: string): string {
  let h = 0;
  for (const ch of networkId) h = (h * 31 + ch.charCodeAt(0)) % 256;
  return `192.168.${h}.0/24`;
}

export function hostsOf(c: EnhancedConnectionRec): Host[] {
  if (Array.isArray(c.hosts)) return c.hosts;
  const { count, prefix, tag, subnet } = c.hosts;
  const out: Host[] = [];
  for (let n = 1; n <= count; n++) {
    out.push({ name: `${prefix}-${tag}-${String(n).padStart(4, '0')}`, ip: `10.${subnet}.${(n >> 8) & 255}.${n & 255}` });
  }
  c.hosts = out;
  return out;
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names)];
}
