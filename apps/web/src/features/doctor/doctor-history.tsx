import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { historyOptions } from './queries.ts';
import { useFixedT } from '../../lib/use-fixed-t.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Who ran the doctor on this connection, when, and what each test showed; newest first. */
export function DoctorHistoryList({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation('doctor');
  const { language } = useFixedT();
  const query = useQuery(historyOptions(connectionId));
  const runs = query.data?.runs ?? [];
  return (
    <div className="doctor__history">
      <h3 className="doctor__history-title">{t('doctor.history.title')}</h3>
      {query.isError && <ErrorState error={query.error} title={t('doctor.history.loadFailed')} onRetry={() => void query.refetch()} />}
      {query.isSuccess && runs.length === 0 && <p className="muted">{t('doctor.history.none')}</p>}
      {runs.map((run) => {
        const count = (o: string) => run.results.filter((r) => r.outcome === o).length;
        const time = formatDateTime(run.time, language)?.local ?? run.time;
        return (
          <details key={run.id} className="doctor__run">
            <summary>
              {t('doctor.history.summary', {
                time,
                user: run.user,
                reachable: count('REACHABLE'),
                unreachable: count('UNREACHABLE'),
                errors: count('error'),
              })}
            </summary>
            <table className="data-table">
              <caption className="visually-hidden">{t('doctor.history.caption', { time })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('doctor.columns.queue')}</th>
                  <th scope="col">{t('doctor.columns.address')}</th>
                  <th scope="col">{t('doctor.columns.result')}</th>
                  <th scope="col">{t('doctor.columns.diagnosis')}</th>
                </tr>
              </thead>
              <tbody>
                {run.results.map((r) => (
                  <tr key={`${r.queue} ${r.address}`}>
                    <th scope="row" className="mono">
                      {r.queue}
                    </th>
                    <td className="mono">{r.address}</td>
                    <td>
                      <StatusBadge status={r.outcome === 'error' ? 'ERROR' : r.outcome} />
                    </td>
                    <td>{r.diagnosis ? t(`doctor.history.diagnoses.${r.diagnosis}`) : (r.detail ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              <DateTime value={run.time} />
            </p>
          </details>
        );
      })}
    </div>
  );
}
