import { MRS_SOURCE_TYPES } from '@dsc/api-types';
import { z } from 'zod';
import { pageParam, textParam } from '../../lib/search-params.ts';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const mrsSearchDefaults = { page: 1, pageSize: 20 } as const;

export const mrsSearchSchema = z.object({
  page: pageParam(mrsSearchDefaults.page),
  pageSize: z.coerce
    .number()
    .pipe(z.literal(PAGE_SIZES))
    .default(mrsSearchDefaults.pageSize)
    .catch(mrsSearchDefaults.pageSize),
  name: textParam(64),
  type: z.enum(MRS_SOURCE_TYPES).optional().catch(undefined),
});
export type MrsSearch = z.output<typeof mrsSearchSchema>;
