import { z } from 'zod';

/**
 * GET /api/status: the BFF's per-service readiness (the same as /readyz). A module of its own so
 * that the banner, which is on every page, loads zod only once it has something to check.
 */
export const ServiceStatus = z.looseObject({
  status: z.string(),
  services: z.record(z.string(), z.looseObject({ ok: z.boolean() })),
});
