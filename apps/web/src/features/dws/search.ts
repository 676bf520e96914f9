import { pathId } from '@dsc/api-types';
import { z } from 'zod';

/** `?job=<id>`: the job the page is following, so it survives a reload and can be linked to. */
export const dataSourcesSearchSchema = z.object({
  // The router JSON-parses search values: an all-digit id arrives as a number.
  job: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(pathId)
    .optional()
    .catch(undefined),
});
export type DataSourcesSearch = z.output<typeof dataSourcesSearchSchema>;
