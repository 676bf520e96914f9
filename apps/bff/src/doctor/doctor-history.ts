import { randomUUID } from 'node:crypto';
import { DOCTOR_HISTORY_KEEP, DoctorHistory, type DoctorResult, type DoctorRun } from '@dsc/api-types';
import type { KvStore } from '../store/kv-store.ts';

/** A connection's doctor runs live 30 days after the latest one. */
export const DOCTOR_HISTORY_TTL_MS = 30 * 86_400_000;

export interface DoctorHistoryStore {
  list(targetId: string, connectionId: string): Promise<DoctorRun[]>;
  add(targetId: string, connectionId: string, user: string, results: DoctorResult[]): Promise<DoctorRun>;
}

/**
 * The doctor's history in the BFF's KvStore (memory, or Redis shared by every instance): one key
 * per target and connection holding its latest DOCTOR_HISTORY_KEEP runs, newest first (decision 013). Two
 * runs recorded at the same instant may lose one: the history is a convenience, the audit trail
 * keeps every connectivity test that was started.
 */
export function createDoctorHistory(deps: { store: KvStore; now: () => Date }): DoctorHistoryStore {
  // Connection ids are unique within a project, not across targets.
  const key = (targetId: string, connectionId: string) => `doctor-history:${targetId}:${connectionId}`;
  const read = async (targetId: string, connectionId: string): Promise<DoctorRun[]> => {
    const raw = await deps.store.get(key(targetId, connectionId));
    if (raw === undefined) return [];
    const parsed = DoctorHistory.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.runs : [];
  };
  return {
    list: read,
    async add(targetId, connectionId, user, results) {
      const run: DoctorRun = { id: randomUUID(), user, time: deps.now().toISOString(), results };
      const runs = [run, ...(await read(targetId, connectionId))].slice(0, DOCTOR_HISTORY_KEEP);
      await deps.store.set(key(targetId, connectionId), JSON.stringify({ runs }), DOCTOR_HISTORY_TTL_MS);
      return run;
    },
  };
}
