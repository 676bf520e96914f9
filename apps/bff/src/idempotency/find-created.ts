import {
  catalogue,
  configureStatusName,
  CreateDataConnectorBody,
  CreateEnhancedConnectionBody,
  CreateExtDataSourceBody,
  ListDataConnectorsResponse,
  ListEnhancedConnectionsResponse,
  ListExtDataSourcesResponse,
  type OperationId,
} from '@dsc/api-types';
import type { UpstreamConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import type { ValidatedInput } from '../routes/validate.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { answerFor } from '../proxy/upstream-answer.ts';
import type { UpstreamCaller } from '../proxy/upstream-caller.ts';
import { parseJsonSafe } from '../proxy/upstream-errors.ts';
import type { PassThrough } from '../proxy/upstream-response.ts';

/**
 * The cloud accepts signatures within 15 minutes of its clock, so its clock (which stamps
 * create times) is within that of ours whenever a call succeeds; a resource stamped earlier than
 * this before the first attempt existed before it and is not ours.
 */
const CREATE_TIME_SLACK_MS = 16 * 60_000;
const MAX_PAGES = 20;

export type FindResult =
  | { kind: 'found'; answer: PassThrough }
  | { kind: 'absent' }
  | { kind: 'unknown'; error: ApiError };

export interface FindCreated {
  /** Looks for what `operationId` with `input` would have created, after `sinceMs` (our clock). */
  (operationId: OperationId, input: ValidatedInput, sinceMs: number, requestId: string): Promise<FindResult>;
}

const json = (status: number, value: unknown): PassThrough => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: Buffer.from(JSON.stringify(value), 'utf8'),
});

const youngEnough = (createdMs: number | undefined, sinceMs: number) =>
  createdMs === undefined || Number.isNaN(createdMs) || createdMs >= sinceMs - CREATE_TIME_SLACK_MS;

/**
 * When a create's answer is lost (timeout, reset, broken body, 5xx), this looks for the resource
 * by its exact name with the service's own list — the only way to learn whether it exists —
 * and answers as the create would have: DLI `{is_success, message, connection_id}`, MRS 201
 * `{connector_id}`, DWS `{id}` (its job id is not recoverable: follow the source's status).
 */
export function createFinder(deps: { caller: UpstreamCaller; upstream: UpstreamConfig }): FindCreated {
  async function list(listId: OperationId, params: Record<string, string>, query: Record<string, string>, requestId: string) {
    const request = buildUpstreamRequest({ id: listId, def: catalogue[listId] }, { params, query, body: undefined }, deps.upstream, {});
    const result = await deps.caller.call({ request, operationId: listId, mutating: false, requestId });
    const answer = answerFor(listId, result, deps.caller.skew);
    if (answer instanceof ApiError) return answer;
    return parseJsonSafe(answer.body);
  }

  const unreadable = () => new ApiError('UPSTREAM_BAD_RESPONSE', 'The list used to look for the created resource could not be read');

  return async (operationId, input, sinceMs, requestId) => {
    if (operationId === 'dli.createEnhancedConnection') {
      const { name } = CreateEnhancedConnectionBody.parse(input.body);
      for (let page = 0; page < MAX_PAGES; page++) {
        const got = await list('dli.listEnhancedConnections', {}, { name, status: 'ACTIVE', limit: '100', offset: String(page * 100) }, requestId);
        if (got instanceof ApiError) return { kind: 'unknown', error: got };
        const r = ListEnhancedConnectionsResponse.safeParse(got);
        if (!r.success) return { kind: 'unknown', error: unreadable() };
        const hit = r.data.connections.find(
          (c) => c.name === name && c.status.toUpperCase() !== 'DELETED' && youngEnough(c.create_time, sinceMs),
        );
        if (hit) {
          return {
            kind: 'found',
            answer: json(200, { is_success: true, message: 'Created (confirmed by name after the first answer was lost)', connection_id: hit.id }),
          };
        }
        if ((page + 1) * 100 >= r.data.count || r.data.connections.length === 0) return { kind: 'absent' };
      }
      return { kind: 'unknown', error: new ApiError('UPSTREAM_ERROR', 'Too many connections match the name to check them all', { status: 502 }) };
    }

    if (operationId === 'mrs.createDataConnector') {
      const name = CreateDataConnectorBody.parse(input.body).data_connector.connector_name;
      for (let page = 0; page < MAX_PAGES; page++) {
        const got = await list('mrs.listDataConnectors', {}, { connector_name: name, limit: '1000', offset: String(page * 1000) }, requestId);
        if (got instanceof ApiError) return { kind: 'unknown', error: got };
        const r = ListDataConnectorsResponse.safeParse(got);
        if (!r.success) return { kind: 'unknown', error: unreadable() };
        const hit = r.data.data_connectors.find((c) => c.connector_name === name && youngEnough(c.create_time ?? undefined, sinceMs));
        if (hit) return { kind: 'found', answer: json(catalogue[operationId].successStatus, { connector_id: hit.connector_id }) };
        if ((page + 1) * 1000 >= r.data.total_count || r.data.data_connectors.length === 0) return { kind: 'absent' };
      }
      return { kind: 'unknown', error: new ApiError('UPSTREAM_ERROR', 'Too many data connectors match the name to check them all', { status: 502 }) };
    }

    if (operationId === 'dws.createExtDataSource') {
      const name = CreateExtDataSourceBody.parse(input.body).data_source_name;
      const clusterId = input.params.cluster_id!;
      const got = await list('dws.listExtDataSources', { cluster_id: clusterId }, {}, requestId);
      if (got instanceof ApiError) return { kind: 'unknown', error: got };
      const r = ListExtDataSourcesResponse.safeParse(got);
      if (!r.success) return { kind: 'unknown', error: unreadable() };
      const hit = r.data.data_sources.find(
        (s) =>
          s.name === name &&
          configureStatusName(s.configure_status) !== 'DELETED' &&
          youngEnough(typeof s.created === 'string' ? Date.parse(s.created) : undefined, sinceMs),
      );
      return hit ? { kind: 'found', answer: json(catalogue[operationId].successStatus, { id: hit.id }) } : { kind: 'absent' };
    }

    throw new Error(`no lookup by name for ${operationId}`);
  };
}
