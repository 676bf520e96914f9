import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { bffRequest } from '../lib/api-client.ts';
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

/**
 * A banner under the header naming the cloud services that are not answering, so an operator
 * sees "DWS is degraded" before a page fails. Checks every 30 s; renders nothing while all is
 * well (or when the status itself cannot be read: pages show their own errors then).
 */
export function ServiceStatusBanner() {
  const { t } = useTranslation('status');
  const { data } = useQuery({
    queryKey: serviceStatusKeys.all,
    queryFn: ({ signal }) =>
      bffRequest({ method: 'GET', path: '/api/status', schema: ServiceStatus, signal, notifyUnauthorized: false }),
    refetchInterval: SERVICE_STATUS_POLL_MS,
    staleTime: SERVICE_STATUS_POLL_MS,
    retry: false,
  });
  const degraded = Object.entries(data?.services ?? {})
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
