import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { bffRequest } from '../../lib/api-client.ts';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
};

export function auditTrailOptions() {
  return queryOptions({
    queryKey: auditKeys.lists(),
    // Not a cloud operation, so not in the catalogue: the BFF serves it itself.
    queryFn: ({ signal }) =>
      bffRequest({ method: 'GET', path: '/api/audit', schema: z.unknown(), signal }),
  });
}
