import * as z from 'zod/mini';
import { ROLES } from './roles.ts';

// In zod/mini: every page reads the targets with its first answers, before zod loads.

/** One target the caller holds a role on (GET /api/targets). Never a credential or a variable name. */
export const TargetSummary = z.object({
  id: z.string(),
  name: z.string(),
  region: z.nullable(z.string()),
  projectId: z.string(),
  role: z.enum(ROLES),
  default: z.boolean(),
});
export type TargetSummary = z.infer<typeof TargetSummary>;
export const TargetsResponse = z.object({ targets: z.array(TargetSummary) });
export type TargetsResponse = z.infer<typeof TargetsResponse>;
