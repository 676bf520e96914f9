import type { DataConnector, MrsSourceType, QueryOf, UpdateDataConnectorBody } from '@dsc/api-types';
import { mrsResultOk } from '@dsc/api-types/meta';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client.ts';
import { currentTarget, targetKey } from '../../lib/current-target.ts';
import { ApiError } from '../../lib/api-error.ts';

export interface DataConnectorListParams {
  page: number;
  pageSize: number;
  name?: string | undefined;
  type?: MrsSourceType | undefined;
}

export const dataConnectorKeys = {
  all: ['mrs', 'data-connectors'] as const,
  lists: () => [...dataConnectorKeys.all, 'list'] as const,
  list: (params: DataConnectorListParams) =>
    [...dataConnectorKeys.lists(), normaliseParams(params)] as const,
  details: () => [...dataConnectorKeys.all, 'detail'] as const,
  detail: (id: string) => [...dataConnectorKeys.details(), id] as const,
};

// The same view must give the same key whether a filter is absent or explicitly undefined.
function normaliseParams(p: DataConnectorListParams): DataConnectorListParams {
  return {
    page: p.page,
    pageSize: p.pageSize,
    ...(p.name ? { name: p.name } : {}),
    ...(p.type ? { type: p.type } : {}),
  };
}

/** Page numbers in the URL, limit/offset upstream. */
export function toListQuery(p: DataConnectorListParams): QueryOf<'mrs.listDataConnectors'> {
  return {
    limit: String(p.pageSize),
    offset: String((p.page - 1) * p.pageSize),
    ...(p.name ? { connector_name: p.name } : {}),
    ...(p.type ? { source_type: p.type } : {}),
  };
}

export function listDataConnectorsOptions(params: DataConnectorListParams, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(dataConnectorKeys.list(params), target),
    queryFn: ({ signal }) =>
      apiRequest('mrs.listDataConnectors', { query: toListQuery(params), signal, target }),
    placeholderData: keepPreviousData,
    // The route loader already tried; its error is shown with a Retry button rather than re-sent on mount.
    retryOnMount: false,
  });
}

/** MRS has no "get one" API: the list filtered by connector_id is the detail. null = not found. */
export function dataConnectorOptions(id: string, target = currentTarget()) {
  return queryOptions({
    queryKey: targetKey(dataConnectorKeys.detail(id), target),
    queryFn: async ({ signal }): Promise<DataConnector | null> => {
      const r = await apiRequest('mrs.listDataConnectors', {
        query: { connector_id: id, limit: '1' },
        signal,
        target,
      });
      return r.data_connectors.find((c) => c.connector_id === id) ?? null;
    },
    retryOnMount: false,
  });
}

/**
 * Saves a connector. The BFF already turns `{"result":"failed"}` into UPSTREAM_RESULT_FAILED;
 * any other answer that is not a documented success spelling is refused here too, so a success
 * is only ever shown for `succeeded` or `succeed`.
 */
export async function updateDataConnector(
  id: string,
  body: UpdateDataConnectorBody,
): Promise<{ result: string }> {
  const r = await apiRequest('mrs.updateDataConnector', { params: { connector_id: id }, body });
  if (!mrsResultOk(r.result)) {
    throw new ApiError({
      status: 200,
      code: 'UPSTREAM_RESULT_FAILED',
      message: `The update answer says result "${r.result.slice(0, 50)}"`,
      upstream: { status: 200, message: r.result.slice(0, 200) },
    });
  }
  return r;
}

export function createDataConnector(body: UpdateDataConnectorBody, idempotencyKey: string) {
  return apiRequest('mrs.createDataConnector', { body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function deleteDataConnector(id: string) {
  return apiRequest('mrs.deleteDataConnector', { params: { connector_id: id } });
}
