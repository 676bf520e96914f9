import { cidrContains, EDS_OBJECT_PREFIX, parseAddress } from '@dsc/api-types';
import type { ConnectionAuthorizationBody, CreateRouteBody } from '@dsc/api-types';
import { dliErrors } from '../http/service-error.ts';
import { progressOf, startTransition, type Transition } from '../timing.ts';
import { hostsOf, type DliConnections } from './dli-state.ts';
import type { QueueRec } from './dli-types.ts';
import { seededTestTaskId } from './seed-queues.ts';
import type { SimEnv } from './env.ts';

type Connectivity = 'REACHABLE' | 'UNREACHABLE';

interface TestTask {
  queue: string;
  /** Decided when the test starts, from the state at that moment; revealed once settled. */
  result: Connectivity;
  transition: Transition;
}

/** The docs name no limit; the simulator keeps the latest tests and forgets the oldest. */
const MAX_TASKS = 10_000;

/**
 * Routes, grants and connectivity tests of enhanced connections. Connectivity is a consequence
 * of state (issue 19): an address is REACHABLE from a queue only when some connection binds the
 * queue ACTIVE, the project is authorised on it (isPrivis false), its host name (if a name)
 * resolves through that connection's hosts, and the address lies in the connection's own subnet
 * or in one of its routes.
 */
export class DliNetwork {
  private readonly tasks = new Map<string, TestTask>();
  private nextTaskId: number;

  constructor(
    private readonly dli: DliConnections,
    private readonly queues: readonly QueueRec[],
    private readonly env: SimEnv,
  ) {
    for (const q of queues) {
      this.tasks.set(seededTestTaskId(q.queue_name), {
        queue: q.queue_name,
        result: 'UNREACHABLE',
        transition: { startedAt: Number.NEGATIVE_INFINITY, reads: Number.POSITIVE_INFINITY },
      });
    }
    this.nextTaskId = queues.length + 1;
  }

  addRoute(connectionId: string, body: CreateRouteBody): void {
    const c = this.dli.active(connectionId);
    if (c.routes.some((r) => r.name === body.name)) {
      throw dliErrors.exists(`The route ${body.name} already exists in connection ${c.name}.`);
    }
    c.routes.push({ name: body.name, cidr: body.cidr, createTime: this.env.now() });
  }

  deleteRoute(connectionId: string, name: string): void {
    const c = this.dli.active(connectionId);
    const before = c.routes.length;
    c.routes = c.routes.filter((r) => r.name !== name);
    if (c.routes.length === before) throw dliErrors.notFound(`The route ${name} does not exist in connection ${c.name}.`);
  }

  privileges(connectionId: string) {
    const c = this.dli.active(connectionId);
    return {
      connection_id: c.id,
      privileges: c.grants.map((g) => ({
        object: `${EDS_OBJECT_PREFIX}${c.id}`,
        applicant_project_id: g.projectId,
        privileges: [...g.privileges],
      })),
    };
  }

  /** Granting the caller's own project clears its inverted isPrivis flag; revoking sets it. */
  authorize(body: ConnectionAuthorizationBody, ownProjectId: string): void {
    const entry = body.privileges[0]!;
    const privileges: string[] = entry.privileges;
    const id = entry.object.slice(EDS_OBJECT_PREFIX.length);
    const c = this.dli.active(id);
    const existing = c.grants.find((g) => g.projectId === body.projectId);
    if (body.action === 'grant') {
      if (existing) existing.privileges = [...new Set([...existing.privileges, ...privileges])];
      else c.grants.push({ projectId: body.projectId, privileges: [...privileges] });
      if (body.projectId === ownProjectId) c.isPrivis = false;
      return;
    }
    if (!existing) throw dliErrors.notFound(`The project ${body.projectId} is not authorised on connection ${c.name}.`);
    existing.privileges = existing.privileges.filter((p) => !privileges.includes(p));
    if (existing.privileges.length === 0) c.grants = c.grants.filter((g) => g !== existing);
    if (body.projectId === ownProjectId) c.isPrivis = true;
  }

  startTest(queueName: string, address: string): number {
    if (!this.queues.some((q) => q.queue_name === queueName)) throw dliErrors.notFound(`The queue ${queueName} does not exist.`);
    const id = this.nextTaskId++;
    this.tasks.set(String(id), { queue: queueName, result: this.reach(queueName, address), transition: startTransition(this.env.now()) });
    if (this.tasks.size > MAX_TASKS) this.tasks.delete(this.tasks.keys().next().value!);
    return id;
  }

  testResult(queueName: string, taskId: string): { connectivity: string } {
    const task = this.tasks.get(taskId);
    if (!task || task.queue !== queueName) throw dliErrors.notFound(`The connectivity test ${taskId} does not exist for queue ${queueName}.`);
    const settled = progressOf(task.transition, this.env.timing, this.env.now(), true) >= 1;
    return { connectivity: settled ? task.result : 'CHECKING' };
  }

  /** The rule of the class comment. */
  reach(queueName: string, address: string): Connectivity {
    const parsed = parseAddress(address);
    if (!parsed.ok) return 'UNREACHABLE';
    for (const { connection: c, binding } of this.dli.bindingsOf(queueName)) {
      if (binding.status !== 'ACTIVE' || c.isPrivis) continue;
      const ip = parsed.isIp ? parsed.host : hostsOf(c).find((h) => h.name === parsed.host)?.ip;
      if (ip === undefined) continue;
      if (cidrContains(c.networkCidr, ip) || c.routes.some((r) => cidrContains(r.cidr, ip))) return 'REACHABLE';
    }
    return 'UNREACHABLE';
  }
}
