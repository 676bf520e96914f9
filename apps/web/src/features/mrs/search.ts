import { z } from 'zod';

export const MRS_PAGE_SIZE = 20;

export const mrsSearchDefaults = { page: 1 } as const;

export const mrsSearchSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type MrsSearch = z.output<typeof mrsSearchSchema>;
