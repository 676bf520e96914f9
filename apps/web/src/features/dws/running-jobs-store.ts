import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * DWS jobs started from this browser that have not been seen to finish. Kept in localStorage so
 * the header can still show (and keep polling) them after a reload or in another tab.
 */
export const RUNNING_JOBS_KEY = 'dsc.dws.runningJobs';
/** A job older than this is forgotten even if nobody saw it end (the tab was closed meanwhile). */
export const RUNNING_JOB_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const RunningJob = z.object({
  jobId: z.string().min(1),
  clusterId: z.string().min(1),
  sourceName: z.string().optional(),
  startedAt: z.number(),
});
export type RunningJob = z.infer<typeof RunningJob>;
const RunningJobs = z.array(RunningJob);

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
    const r = RunningJobs.safeParse(raw ? JSON.parse(raw) : []);
    if (r.success) parsed = r.data;
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
