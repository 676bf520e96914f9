import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bffRequest } from '../lib/api-client.ts';
import { isApiError } from '../lib/api-error.ts';
import './service-status-banner.css';

/** GET /api/status, for signed-in users; its schema loads with the first request. */
const serviceStatus = async () => (await import('./service-status-schema.ts')).ServiceStatus;

export const serviceStatusKeys = { all: ['service-status'] as const };
export const SERVICE_STATUS_POLL_MS = 30_000;

/** Display order; a service the BFF adds later is shown after these under its own id. */
const KNOWN = ['dli', 'mrs', 'dws'];

/** A failure that may be the cloud's: unreachable, 5xx, or throttled (not a refusal of the request). */
function isServerSide(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500 || error.code === 'THROTTLED');
}

/** When a query or mutation last failed in a way the cloud may be to blame for. */
function useLastServerFailure(): number | undefined {
  const client = useQueryClient();
  const [at, setAt] = useState<number>();
  useEffect(() => {
    const seen = (error: unknown) => {
      if (isServerSide(error)) setAt(Date.now());
    };
    const offQueries = client.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error' && e.query.queryKey[0] !== serviceStatusKeys.all[0]) seen(e.action.error);
    });
    const offMutations = client.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'error') seen(e.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [client]);
  return at;
}

/**
 * A banner under the header naming the cloud services that are not answering normally, so an
 * operator whose page just failed learns whether the cloud is to blame. It asks /api/status
 * as soon as a request fails server-side, then every 30 s until two answers in a row find every
 * service fine (no polling while all is well: every open tab would otherwise keep the BFF probing
 * the cloud).
 * Renders nothing while all is well, or when the status itself cannot be read.
 */
export function ServiceStatusBanner() {
  const { t } = useTranslation('status');
  const failedAt = useLastServerFailure();
  const [watching, setWatching] = useState(false);
  const status = useQuery({
    queryKey: serviceStatusKeys.all,
    queryFn: ({ signal }) =>
      bffRequest({ method: 'GET', path: '/api/status', schema: serviceStatus, signal, notifyUnauthorized: false }),
    enabled: watching,
    refetchInterval: SERVICE_STATUS_POLL_MS,
    staleTime: 0,
    retry: false,
  });

  // All-well answers in a row since the last failure. The BFF may answer from a check it made up
  // to 10 s earlier, before the failure: one all-well answer proves nothing, but the next one, a
  // poll 30 s later, is a check made after the failure. Two in a row stop the watch until the
  // next failure.
  const wellInARow = useRef(0);
  useEffect(() => {
    if (failedAt === undefined) return;
    wellInARow.current = 0;
    setWatching(true);
  }, [failedAt]);
  const allWell = status.data !== undefined && Object.values(status.data.services).every((s) => s.ok);
  useEffect(() => {
    if (failedAt === undefined || status.dataUpdatedAt < failedAt) return;
    wellInARow.current = allWell ? wellInARow.current + 1 : 0;
    if (wellInARow.current >= 2) setWatching(false);
  }, [allWell, status.dataUpdatedAt, failedAt]);

  const degraded = Object.entries(status.data?.services ?? {})
    .filter(([, s]) => !s.ok)
    .map(([id]) => id)
    .sort((a, b) => (KNOWN.indexOf(a) + 1 || 99) - (KNOWN.indexOf(b) + 1 || 99));
  if (degraded.length === 0) return null;
  const names = degraded.map((id) => t(`services.${id}`, { defaultValue: id.toUpperCase() }));
  return (
    <p role="status" className="service-status-banner">
      {t('degraded', { count: names.length, services: names.join(t('listSeparator')) })}
    </p>
  );
}
