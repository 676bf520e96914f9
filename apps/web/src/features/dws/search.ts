import { isPathId } from '@dsc/api-types/meta';
import { searchValidator } from '../../lib/search-params.ts';

/** `?job=<id>`: the job the page is following, so it survives a reload and can be linked to. */
export interface DataSourcesSearch {
  job?: string | undefined;
}

export function parseDataSourcesSearch(raw: Record<string, unknown>): DataSourcesSearch {
  // The router JSON-parses search values: an all-digit id arrives as a number.
  const job = typeof raw.job === 'number' ? String(raw.job) : raw.job;
  return { job: typeof job === 'string' && isPathId(job) ? job : undefined };
}

export const validateDataSourcesSearch = searchValidator(parseDataSourcesSearch);
