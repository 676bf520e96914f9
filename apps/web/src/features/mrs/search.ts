import { MRS_SOURCE_TYPES } from '@dsc/api-types';
import { z } from 'zod';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const mrsSearchDefaults = { page: 1, pageSize: 20 } as const;

// A pasted or hand-edited URL must never break the page: each bad value falls back on its own.
// The router JSON-parses search values, so "?name=123" arrives as a number: coerce it back.
export const mrsSearchSchema = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(mrsSearchDefaults.page)
    .catch(mrsSearchDefaults.page),
  pageSize: z.coerce
    .number()
    .pipe(z.literal(PAGE_SIZES))
    .default(mrsSearchDefaults.pageSize)
    .catch(mrsSearchDefaults.pageSize),
  name: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().max(64))
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  type: z.enum(MRS_SOURCE_TYPES).optional().catch(undefined),
});
export type MrsSearch = z.output<typeof mrsSearchSchema>;
