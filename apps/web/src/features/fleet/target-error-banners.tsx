import type { FleetTargetStatus, TargetSummary } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import { TargetLabel } from './target-mark.tsx';

/**
 * One banner per target that could not be read, naming it and its error with the request id
 * support will ask for; the other targets' rows stay on screen below.
 */
export function TargetErrorBanners({
  statuses,
  targets,
}: {
  statuses: readonly FleetTargetStatus[];
  targets: ReadonlyMap<string, TargetSummary>;
}) {
  const { t } = useTranslation('fleet');
  const failed = statuses.flatMap((s) => (s.status === 'error' ? [s] : []));
  if (failed.length === 0) return null;
  return (
    <div className="fleet-banners">
      {failed.map((s) => {
        const summary = targets.get(s.id);
        return (
          <section key={s.id} className="fleet-banner" role="alert" aria-label={t('banner.label', { target: summary?.name ?? s.id })} data-target={s.id}>
            <p className="fleet-banner__title">
              <span>{t('banner.title')}</span> {summary ? <TargetLabel target={summary} /> : <code>{s.id}</code>}
            </p>
            <p className="fleet-banner__message">
              {s.error.message} (<code>{s.error.code}</code>, {t('banner.status', { status: s.error.status })})
            </p>
            {s.error.requestId && (
              <p className="fleet-banner__request">
                {t('banner.requestId')} <code>{s.error.requestId}</code>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
