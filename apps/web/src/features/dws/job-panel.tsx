import { jobIsFinal } from '@dsc/api-types/meta';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { settleJobIfFinal } from './job-settlement.ts';
import { jobOptions } from './queries.ts';
import { addRunningJob, targetField } from './running-jobs-store.ts';

export interface JobPanelProps {
  jobId: string;
  clusterId: string;
  onDismiss: () => void;
}

function progressPercent(p: string | number | null | undefined): number | undefined {
  if (p === null || p === undefined || p === '') return undefined;
  const n = typeof p === 'number' ? p : Number(String(p).replace('%', ''));
  return Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : undefined;
}

/** Follows one DWS job until SUCCESS, FAIL or STOP; then the data source list is re-read. */
export function JobPanel({ jobId, clusterId, onDismiss }: JobPanelProps) {
  const { t } = useTranslation('dws');
  const queryClient = useQueryClient();
  const query = useQuery(jobOptions(jobId));
  const job = query.data;
  const final = job ? jobIsFinal(job.status) : false;
  const status = job?.status.toUpperCase();

  useEffect(() => {
    if (!job) return;
    // A job opened from a link (or a reload) is running too: the header should show it.
    if (!jobIsFinal(job.status)) addRunningJob({ jobId, clusterId, startedAt: Date.now(), ...targetField() });
    else settleJobIfFinal(queryClient, job, clusterId);
  }, [job, jobId, clusterId, queryClient]);

  const percent = status === 'SUCCESS' ? 100 : progressPercent(job?.progress);

  return (
    <section className="job-panel" aria-labelledby={`job-${jobId}`} data-final={final || undefined}>
      <div className="job-panel__head">
        <h2 id={`job-${jobId}`} className="job-panel__title">
          {t('job.title')} <code>{jobId}</code>
        </h2>
        <button type="button" className="button" onClick={onDismiss}>
          {final ? t('job.close') : t('job.hide')}
        </button>
      </div>
      {query.isPending && <p role="status">{t('job.loading')}</p>}
      {query.isError && !job && (
        <ErrorState error={query.error} title={t('job.loadError')} onRetry={() => void query.refetch()} />
      )}
      {job && (
        <>
          <dl className="job-panel__facts">
            <dt>{t('job.status')}</dt>
            <dd aria-live="polite" data-testid="job-status">
              <StatusBadge status={job.status} />
              {!final && <span className="muted"> {t('job.polling')}</span>}
            </dd>
            <dt>{t('job.progress')}</dt>
            <dd>
              {percent !== undefined ? (
                <ProgressBar
                  fraction={percent / 100}
                  label={t('job.progress')}
                  tone={status === 'FAIL' ? 'danger' : status === 'SUCCESS' ? 'success' : final ? 'neutral' : 'pending'}
                />
              ) : (
                t('job.noProgress')
              )}
            </dd>
            {job.job_name && (
              <>
                <dt>{t('job.name')}</dt>
                <dd className="mono">{job.job_name}</dd>
              </>
            )}
            <dt>{t('job.began')}</dt>
            <dd>
              <DateTime value={job.begin_time} />
            </dd>
            <dt>{t('job.ended')}</dt>
            <dd>
              <DateTime value={job.end_time} />
            </dd>
          </dl>
          {status === 'SUCCESS' && (
            <p className="job-panel__outcome job-panel__outcome--ok" role="status">
              {t('job.succeeded')}
            </p>
          )}
          {status === 'STOP' && (
            <p className="job-panel__outcome" role="status">
              {t('job.stopped')}
            </p>
          )}
          {status === 'FAIL' && (
            <div className="job-panel__outcome job-panel__outcome--failed" role="alert">
              <p>
                <strong>{t('job.failed')}</strong>
              </p>
              <dl className="job-panel__facts">
                <dt>{t('job.failedCode')}</dt>
                <dd>
                  <code>{job.failed_code || t('job.noCode')}</code>
                </dd>
                <dt>{t('job.failedDetail')}</dt>
                <dd>{job.failed_detail || t('job.noDetail')}</dd>
              </dl>
            </div>
          )}
        </>
      )}
    </section>
  );
}
