import { useSyncExternalStore } from 'react';
import { currentTarget } from '../../lib/current-target.ts';

/**
 * DWS jobs started from this browser that have not been seen to finish. Kept in localStorage so
 * the header can still show (and keep polling) them after a reload or in another tab.
 */
export const RUNNING_JOBS_KEY = 'dsc.dws.runningJobs';
/** A job older than this is forgotten even if nobody saw it end (the tab was closed meanwhile). */
export const RUNNING_JOB_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface RunningJob {
  jobId: string;
  clusterId: string;
  sourceName?: string | undefined;
  startedAt: number;
  /** The target the job runs on; absent = the default target. */
  target?: string | undefined;
}

// The header reads this on every page, so it is checked by hand rather than with zod, which the
// first paint does not load (issue 7).
function isRunningJob(v: unknown): v is RunningJob {
  if (typeof v !== 'object' || v === null) return false;
  const j = v as Record<string, unknown>;
  const text = (x: unknown) => typeof x === 'string' && x.length > 0;
  return (
    text(j.jobId) &&
    text(j.clusterId) &&
    (j.sourceName === undefined || typeof j.sourceName === 'string') &&
    (j.target === undefined || typeof j.target === 'string') &&
    typeof j.startedAt === 'number' &&
    Number.isFinite(j.startedAt)
  );
}

/** Only {jobId, clusterId, sourceName, startedAt} of each job: storage is shared with other tabs. */
function readJobs(raw: string | null): RunningJob[] {
  const value: unknown = raw ? JSON.parse(raw) : [];
  if (!Array.isArray(value) || !value.every(isRunningJob)) return [];
  return value.map(({ jobId, clusterId, sourceName, startedAt, target }) => ({
    jobId,
    clusterId,
    ...(sourceName === undefined ? {} : { sourceName }),
    startedAt,
    ...(target === undefined ? {} : { target }),
  }));
}

const NONE: readonly RunningJob[] = [];
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cached: readonly RunningJob[] = NONE;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(RUNNING_JOBS_KEY);
  } catch {
    return null;
  }
}

/** The same array while storage is unchanged, as useSyncExternalStore requires. */
export function runningJobs(now = Date.now()): readonly RunningJob[] {
  const raw = readRaw();
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  let parsed: RunningJob[] = [];
  try {
    parsed = readJobs(raw);
  } catch {
    // Unreadable storage is treated as empty; the next write replaces it.
  }
  const fresh = parsed.filter((j) => now - j.startedAt < RUNNING_JOB_MAX_AGE_MS);
  cached = fresh.length > 0 ? fresh : NONE;
  return cached;
}

function write(jobs: readonly RunningJob[]): void {
  try {
    if (jobs.length === 0) window.localStorage.removeItem(RUNNING_JOBS_KEY);
    else window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify(jobs));
  } catch {
    // Private mode or a full quota: tracking still works on this page through the URL.
  }
  listeners.forEach((l) => l());
}

export function addRunningJob(job: RunningJob): void {
  const jobs = runningJobs();
  if (jobs.some((j) => j.jobId === job.jobId)) return;
  write([...jobs, job]);
}

export function removeRunningJob(jobId: string): void {
  const jobs = runningJobs();
  if (!jobs.some((j) => j.jobId === jobId)) return;
  write(jobs.filter((j) => j.jobId !== jobId));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Other tabs write the same key.
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === RUNNING_JOBS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useRunningJobs(): readonly RunningJob[] {
  return useSyncExternalStore(subscribe, () => runningJobs(), () => NONE);
}

/** `{ target }` for a job started on the target in the URL now (nothing for the default target). */
export function targetField(): { target?: string } {
  const target = currentTarget();
  return target === undefined ? {} : { target };
}
