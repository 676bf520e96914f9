import type { ConnectionRow } from '@dsc/api-types';
import { queueStatusOf } from '@dsc/api-types/meta';
import { apiRequest } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';

export type BulkKind = 'delete' | 'retry' | 'unbind';

/** One upstream change: one catalogue call through the BFF, so one audit entry. */
export interface BulkTask {
  id: string;
  name: string;
  /** What changes on this connection, for the confirmation (queue names; empty for a delete). */
  queues: string[];
  run: (signal: AbortSignal) => Promise<unknown>;
}

export type TaskState =
  | { phase: 'waiting' }
  | { phase: 'running' }
  | { phase: 'done' }
  | { phase: 'failed'; message: string; requestId?: string | undefined };

/** At most this many changes in flight from one browser; the BFF's limiter paces the rest. */
export const BULK_CONCURRENCY = 4;

const failedQueues = (r: ConnectionRow) =>
  r.available_queue_info.filter((q) => queueStatusOf(q.status) === 'FAILED').map((q) => q.name);

/** The changes an action makes on the chosen rows; rows it does not apply to are left out. */
export function bulkTasks(kind: BulkKind, rows: readonly ConnectionRow[], queue?: string): BulkTask[] {
  switch (kind) {
    case 'delete':
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        queues: [],
        run: (signal) => apiRequest('dli.deleteEnhancedConnection', { params: { connection_id: r.id }, signal }),
      }));
    case 'retry':
      // Binding a FAILED queue again starts it over (the upstream's own retry).
      return rows.flatMap((r) => {
        const queues = failedQueues(r);
        return queues.length === 0
          ? []
          : [{ id: r.id, name: r.name, queues, run: (signal: AbortSignal) => apiRequest('dli.associateQueue', { params: { connection_id: r.id }, body: { queues }, signal }) }];
      });
    case 'unbind':
      return rows
        .filter((r) => queue !== undefined && r.available_queue_info.some((q) => q.name === queue))
        .map((r) => ({
          id: r.id,
          name: r.name,
          queues: [queue!],
          run: (signal) => apiRequest('dli.disassociateQueue', { params: { connection_id: r.id }, body: { queues: [queue!] }, signal }),
        }));
  }
}

/** Queue names bound on any of the rows, for "unbind a queue". */
export function queueNamesOf(rows: readonly ConnectionRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.available_queue_info.map((q) => q.name)))].sort();
}

/**
 * Runs the tasks with at most `concurrency` at once, reporting each one's state as it changes.
 * A failure stays with its row; the others go on. Resolves when every task has settled.
 */
export async function runTasks(
  tasks: readonly BulkTask[],
  onState: (id: string, state: TaskState) => void,
  { concurrency = BULK_CONCURRENCY, signal }: { concurrency?: number; signal: AbortSignal },
): Promise<void> {
  let next = 0;
  async function worker() {
    while (next < tasks.length && !signal.aborted) {
      const task = tasks[next++]!;
      onState(task.id, { phase: 'running' });
      try {
        await task.run(signal);
        onState(task.id, { phase: 'done' });
      } catch (e) {
        onState(task.id, {
          phase: 'failed',
          message: e instanceof Error ? e.message : String(e),
          requestId: e instanceof ApiError ? e.requestId : undefined,
        });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}
