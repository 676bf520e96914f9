import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error.ts';
import { settleJobIfFinal } from './job-settlement.ts';
import { jobOptions } from './queries.ts';
import { removeRunningJob, useRunningJobs, type RunningJob } from './running-jobs-store.ts';
import './running-jobs-indicator.css';

/**
 * The header's "DWS jobs running" link. It keeps polling the jobs it lists, so a job finishing
 * while the operator is on another page still leaves the list and refreshes its data sources.
 */
export function RunningJobsIndicator() {
  const { t } = useTranslation('dws');
  const queryClient = useQueryClient();
  const jobs = useRunningJobs();
  const results = useQueries({ queries: jobs.map((j) => jobOptions(j.jobId, j.target)) });
  const statuses = results.map((r) => `${r.data?.status ?? ''}/${isApiError(r.error) ? r.error.status : ''}`).join(',');

  useEffect(() => {
    results.forEach((r, i) => {
      const running = jobs[i];
      if (!running) return;
      // A job the service no longer knows (404) will never finish: stop showing it.
      if (isApiError(r.error) && r.error.status === 404) removeRunningJob(running.jobId);
      else settleJobIfFinal(queryClient, r.data, running.clusterId);
    });
    // `statuses` captures every change that matters; `results` is a new array each render.
  }, [statuses, jobs, queryClient]);

  if (jobs.length === 0) return null;
  const label = t('runningJobs.label', { count: jobs.length });
  const title = t('runningJobs.title', { count: jobs.length });
  if (jobs.length === 1) {
    return (
      <div className="running-jobs" aria-live="polite">
        <JobLink job={jobs[0]!} className="running-jobs__link" title={title}>
          <span className="running-jobs__dot" aria-hidden="true" />
          {label}
        </JobLink>
      </div>
    );
  }
  return (
    <div className="running-jobs" aria-live="polite">
    <details>
      <summary className="running-jobs__link" title={title}>
        <span className="running-jobs__dot" aria-hidden="true" />
        {label}
      </summary>
      <ul className="running-jobs__menu">
        {jobs.map((j) => (
          <li key={j.jobId}>
            <JobLink job={j}>
              {j.sourceName ? `${j.sourceName} · ` : ''}
              <code>{j.jobId.slice(0, 12)}…</code>
            </JobLink>
          </li>
        ))}
      </ul>
    </details>
    </div>
  );
}

function JobLink({
  job,
  className,
  title,
  children,
}: {
  job: RunningJob;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to="/dws/clusters/$clusterId/data-sources"
      params={{ clusterId: job.clusterId }}
      search={{ job: job.jobId, target: job.target }}
      className={className}
      title={title}
      aria-label={title}
    >
      {children}
    </Link>
  );
}
