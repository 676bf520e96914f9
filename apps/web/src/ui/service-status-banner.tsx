import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { bffRequest } from '../lib/api-client.ts';
import { isApiError } from '../lib/api-error.ts';
import './service-status-banner.css';

/** GET /api/status: the BFF's per-service readiness (the same as /readyz), for signed-in users. */
const ServiceStatus = z.looseObject({
  status: z.string(),
  services: z.record(z.string(), z.looseObject({ ok: z.boolean() })),
});

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
 * as soon as a request fails server-side, then every 30 s until every service is fine again (no
 * polling while all is well: every open tab would otherwise keep the BFF probing the cloud).
 * Renders nothing while all is well, or when the status itself cannot be read.
 */
export function ServiceStatusBanner() {
  const { t } = useTranslation('status');
  const failedAt = useLastServerFailure();
  const [watching, setWatching] = useState(false);
  const status = useQuery({
    queryKey: serviceStatusKeys.all,
    queryFn: ({ signal }) =>
      bffRequest({ method: 'GET', path: '/api/status', schema: ServiceStatus, signal, notifyUnauthorized: false }),
    enabled: watching,
    refetchInterval: SERVICE_STATUS_POLL_MS,
    staleTime: 0,
    retry: false,
  });

  useEffect(() => {
    if (failedAt !== undefined) setWatching(true);
  }, [failedAt]);
  const allWell = status.data !== undefined && Object.values(status.data.services).every((s) => s.ok);
  useEffect(() => {
    // A check made after the last failure found every service well: stop until the next failure.
    if (allWell && failedAt !== undefined && status.dataUpdatedAt >= failedAt) setWatching(false);
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
