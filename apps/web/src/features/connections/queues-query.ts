import type { Queue } from '@dsc/api-types';
import { queueUsableForEnhanced } from '@dsc/api-types/meta';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { currentTarget, targetKey } from '../../lib/current-target.ts';

export const queueKeys = {
  all: ['dli', 'queues'] as const,
  list: () => [...queueKeys.all, 'all-types'] as const,
};

/** Every queue (SQL and general: the upstream lists SQL queues only unless asked for `all`). */
export function queuesOptions(target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(queueKeys.list(), target),
    queryFn: ({ signal }) => apiRequest('dli.listQueues', { query: { queue_type: 'all' }, signal, target }),
    staleTime: 60_000,
    select: (r) => r.queues,
  });
}

export type QueueChoice =
  | { queue: Queue; usable: true }
  | { queue: Queue; usable: false; reason: 'default' | 'shared-pay-per-use' };

/** Usable queues first (by name), then the ones enhanced connections cannot use, each with why. */
export function queueChoices(queues: readonly Queue[], exclude: readonly string[] = []): QueueChoice[] {
  const skip = new Set(exclude);
  const choices = queues
    .filter((q) => !skip.has(q.queue_name))
    .map((queue): QueueChoice => {
      const u = queueUsableForEnhanced(queue);
      return u.usable ? { queue, usable: true } : { queue, usable: false, reason: u.reason };
    });
  return choices.sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) || a.queue.queue_name.localeCompare(b.queue.queue_name),
  );
}
