import { z } from 'zod';
import * as dli from './dli.ts';
import * as mrs from './mrs.ts';
import * as dws from './dws.ts';
import { pathId } from './primitives.ts';
import type { Role } from './roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Service = 'dli' | 'mrs' | 'dws';

/**
 * One upstream call the console may make. `path` is the BFF route (Express-style `:param`), and
 * `upstream` the provider's path template (`{param}`); both use the same parameter names.
 */
export interface OperationDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly service: Service;
  readonly upstream: string;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly response: R;
  readonly role: Role;
  /** HTTP status the upstream answers on success. */
  readonly successStatus: number;
  readonly summary: string;
}

const noParams = z.strictObject({});
const connectionParams = z.strictObject({ connection_id: pathId });

function op<P extends z.ZodType, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends z.ZodType>(
  d: Omit<OperationDef<P, Q, B, R>, 'successStatus'> & { successStatus?: number },
): OperationDef<P, Q, B, R> {
  return { successStatus: 200, ...d };
}

export const catalogue = {
  'dli.listEnhancedConnections': op({
    method: 'GET',
    path: '/api/dli/enhanced-connections',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections',
    params: noParams,
    query: dli.ListEnhancedConnectionsQuery,
    body: undefined,
    response: dli.ListEnhancedConnectionsResponse,
    role: 'viewer',
    summary: 'List enhanced connections',
  }),
  'dli.createEnhancedConnection': op({
    method: 'POST',
    path: '/api/dli/enhanced-connections',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections',
    params: noParams,
    query: undefined,
    body: dli.CreateEnhancedConnectionBody,
    response: dli.CreateEnhancedConnectionResponse,
    role: 'operator',
    summary: 'Create an enhanced connection',
  }),
  'dli.getEnhancedConnection': op({
    method: 'GET',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.GetEnhancedConnectionResponse,
    role: 'viewer',
    summary: 'Get an enhanced connection',
  }),
  'dli.replaceHosts': op({
    method: 'PUT',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    params: connectionParams,
    query: undefined,
    body: dli.ReplaceHostsBody,
    response: dli.DliOkResponse,
    role: 'operator',
    summary: 'Replace the hosts of an enhanced connection',
  }),
  'dli.deleteEnhancedConnection': op({
    method: 'DELETE',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.DliOkResponse,
    role: 'operator',
    summary: 'Delete an enhanced connection',
  }),
  'dli.associateQueue': op({
    method: 'POST',
    path: '/api/dli/enhanced-connections/:connection_id/associate-queue',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}/associate-queue',
    params: connectionParams,
    query: undefined,
    body: dli.QueueBindingBody,
    response: dli.DliOkResponse,
    role: 'operator',
    summary: 'Bind queues to an enhanced connection',
  }),
  'dli.disassociateQueue': op({
    method: 'POST',
    path: '/api/dli/enhanced-connections/:connection_id/disassociate-queue',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}/disassociate-queue',
    params: connectionParams,
    query: undefined,
    body: dli.QueueBindingBody,
    response: dli.DliOkResponse,
    role: 'operator',
    summary: 'Unbind queues from an enhanced connection',
  }),
  'dli.getBasicConnection': op({
    method: 'GET',
    path: '/api/dli/basic-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource-connection/{connection_id}',
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.BasicConnection,
    role: 'viewer',
    summary: 'Get a basic connection',
  }),
  'dli.listQueues': op({
    method: 'GET',
    path: '/api/dli/queues',
    service: 'dli',
    upstream: '/v1.0/{project_id}/queues',
    params: noParams,
    query: dli.ListQueuesQuery,
    body: undefined,
    response: dli.ListQueuesResponse,
    role: 'viewer',
    summary: 'List queues',
  }),
  'mrs.listDataConnectors': op({
    method: 'GET',
    path: '/api/mrs/data-connectors',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors',
    params: noParams,
    query: mrs.ListDataConnectorsQuery,
    body: undefined,
    response: mrs.ListDataConnectorsResponse,
    role: 'viewer',
    summary: 'List MRS data connectors',
  }),
  'mrs.createDataConnector': op({
    method: 'POST',
    path: '/api/mrs/data-connectors',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors',
    params: noParams,
    query: undefined,
    body: mrs.CreateDataConnectorBody,
    response: mrs.CreateDataConnectorResponse,
    role: 'operator',
    successStatus: 201,
    summary: 'Create an MRS data connector',
  }),
  'mrs.updateDataConnector': op({
    method: 'PUT',
    path: '/api/mrs/data-connectors/:connector_id',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors/{connector_id}',
    params: z.strictObject({ connector_id: pathId }),
    query: undefined,
    body: mrs.UpdateDataConnectorBody,
    response: mrs.UpdateDataConnectorResponse,
    role: 'operator',
    summary: 'Update an MRS data connector',
  }),
  'mrs.deleteDataConnector': op({
    method: 'DELETE',
    path: '/api/mrs/data-connectors/:connector_id',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors/{connector_id}',
    params: z.strictObject({ connector_id: pathId }),
    query: undefined,
    body: undefined,
    response: z.unknown(),
    role: 'operator',
    summary: 'Delete an MRS data connector',
  }),
  'dws.listClusters': op({
    method: 'GET',
    path: '/api/dws/clusters',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters',
    params: noParams,
    query: undefined,
    body: undefined,
    response: dws.ListClustersResponse,
    role: 'viewer',
    summary: 'List DWS clusters',
  }),
  'dws.listExtDataSources': op({
    method: 'GET',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources',
    params: z.strictObject({ cluster_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.ListExtDataSourcesResponse,
    role: 'viewer',
    summary: 'List external data sources of a DWS cluster',
  }),
  'dws.createExtDataSource': op({
    method: 'POST',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources',
    params: z.strictObject({ cluster_id: pathId }),
    query: undefined,
    body: dws.CreateExtDataSourceBody,
    response: dws.CreateExtDataSourceResponse,
    role: 'operator',
    summary: 'Create an external data source',
  }),
  'dws.reconfigureExtDataSource': op({
    method: 'PUT',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources/:ext_data_source_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}',
    params: z.strictObject({ cluster_id: pathId, ext_data_source_id: pathId }),
    query: undefined,
    body: dws.ReconfigureBody,
    response: dws.JobAcceptedResponse,
    role: 'operator',
    summary: 'Reconfigure an external data source',
  }),
  'dws.deleteExtDataSource': op({
    method: 'DELETE',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources/:ext_data_source_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}',
    params: z.strictObject({ cluster_id: pathId, ext_data_source_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.JobAcceptedResponse,
    role: 'operator',
    summary: 'Delete an external data source',
  }),
  'dws.getJob': op({
    method: 'GET',
    path: '/api/dws/jobs/:job_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/job/{job_id}',
    params: z.strictObject({ job_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.DwsJob,
    role: 'viewer',
    summary: 'Get a DWS job',
  }),
} as const satisfies Record<string, OperationDef>;

export type Catalogue = typeof catalogue;
export type OperationId = keyof Catalogue;
export const operationIds = Object.keys(catalogue) as OperationId[];

type Out<T> = T extends z.ZodType ? z.output<T> : never;
type In<T> = T extends z.ZodType ? z.input<T> : never;
export type ParamsOf<Id extends OperationId> = In<Catalogue[Id]['params']>;
export type QueryOf<Id extends OperationId> = In<Catalogue[Id]['query']>;
export type BodyOf<Id extends OperationId> = In<Catalogue[Id]['body']>;
export type ResponseOf<Id extends OperationId> = Out<Catalogue[Id]['response']>;

export function isMutating(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** Fills `:name` (BFF) placeholders, encoding each segment. */
export function bffPath(opDef: Pick<OperationDef, 'path'>, params: Record<string, string>): string {
  return opDef.path.replace(/:([a-z_]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

/** Fills `{name}` (upstream) placeholders; `project_id` comes from server configuration. */
export function upstreamPath(
  opDef: Pick<OperationDef, 'upstream'>,
  params: Record<string, string>,
  projectId: string,
): string {
  return opDef.upstream.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const v = name === 'project_id' ? projectId : params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}
