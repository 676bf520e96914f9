import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { MRS_PAGE_SIZE } from './search.ts';

export interface DataConnectorListParams {
  page: number;
}

export const dataConnectorKeys = {
  all: ['mrs', 'data-connectors'] as const,
  lists: () => [...dataConnectorKeys.all, 'list'] as const,
  list: (params: DataConnectorListParams) =>
    [...dataConnectorKeys.lists(), { page: params.page }] as const,
};

export function listDataConnectorsOptions(params: DataConnectorListParams) {
  return queryOptions({
    queryKey: dataConnectorKeys.list(params),
    queryFn: ({ signal }) =>
      apiRequest('mrs.listDataConnectors', {
        query: { limit: String(MRS_PAGE_SIZE), offset: String((params.page - 1) * MRS_PAGE_SIZE) },
        signal,
      }),
    placeholderData: keepPreviousData,
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
  });
}
