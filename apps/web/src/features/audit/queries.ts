import type { AuditQuery } from '@dsc/api-types';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { bffRequest } from '../../lib/api-client.ts';
import { loadApiSchemas } from '../../lib/api-schemas.ts';

const auditPage = async () => (await loadApiSchemas()).AuditPage;

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditQuery) => [...auditKeys.lists(), query] as const,
};

/** One page of the audit trail, newest first. Not a cloud operation: the BFF serves it itself. */
export function auditTrailOptions(query: AuditQuery) {
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) =>
      bffRequest({ method: 'GET', path: '/api/audit', query, schema: auditPage, signal }),
    placeholderData: keepPreviousData,
  });
}
