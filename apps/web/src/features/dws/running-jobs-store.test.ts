import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  RUNNING_JOBS_KEY,
  RUNNING_JOB_MAX_AGE_MS,
  addRunningJob,
  removeRunningJob,
  runningJobs,
  useRunningJobs,
} from './running-jobs-store.ts';

const job = (jobId: string, startedAt = Date.now()) => ({ jobId, clusterId: 'c-1', sourceName: 's', startedAt });

describe('running DWS jobs store', () => {
  it('keeps jobs in localStorage, once each, and forgets them on removal', () => {
    addRunningJob(job('j1'));
    addRunningJob(job('j1'));
    addRunningJob(job('j2'));
    expect(runningJobs().map((j) => j.jobId)).toEqual(['j1', 'j2']);
    expect(JSON.parse(window.localStorage.getItem(RUNNING_JOBS_KEY)!)).toHaveLength(2);
    removeRunningJob('j1');
    expect(runningJobs().map((j) => j.jobId)).toEqual(['j2']);
    removeRunningJob('j2');
    expect(window.localStorage.getItem(RUNNING_JOBS_KEY)).toBeNull();
  });

  it('survives a reload: what is stored is what is read', () => {
    window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify([job('from-before')]));
    expect(runningJobs().map((j) => j.jobId)).toEqual(['from-before']);
  });

  it('ignores garbage and jobs nobody saw finish for a day', () => {
    window.localStorage.setItem(RUNNING_JOBS_KEY, '{not json');
    expect(runningJobs()).toEqual([]);
    window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify([{ jobId: 1 }]));
    expect(runningJobs()).toEqual([]);
    window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify([job('old', Date.now() - RUNNING_JOB_MAX_AGE_MS - 1), job('new')]));
    expect(runningJobs().map((j) => j.jobId)).toEqual(['new']);
  });

  it('reads only well-formed jobs, and only their known fields', () => {
    window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify([{ ...job('j'), extra: 'x' }]));
    expect(runningJobs()).toEqual([{ jobId: 'j', clusterId: 'c-1', sourceName: 's', startedAt: expect.any(Number) }]);
    const { sourceName: _s, ...unnamed } = job('u');
    window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify([unnamed]));
    expect(runningJobs()).toEqual([unnamed]);
    for (const bad of [[{ ...job('a'), clusterId: '' }], [{ ...job('b'), startedAt: 'now' }], [{ ...job('c'), sourceName: 3 }], { jobId: 'd' }, [null]]) {
      window.localStorage.setItem(RUNNING_JOBS_KEY, JSON.stringify(bad));
      expect(runningJobs(), JSON.stringify(bad)).toEqual([]);
    }
  });

  it('re-renders subscribers on change and returns a stable snapshot otherwise', () => {
    const { result } = renderHook(() => useRunningJobs());
    expect(result.current).toEqual([]);
    act(() => addRunningJob(job('j3')));
    expect(result.current.map((j) => j.jobId)).toEqual(['j3']);
    expect(runningJobs()).toBe(runningJobs());
  });
});
