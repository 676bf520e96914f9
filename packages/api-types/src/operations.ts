import type { Role } from './roles.ts';

// Everything about an operation except its schemas. Nothing here imports zod, so a client can
// route, authorise and build paths (the web's first paint does) without loading the validators;
// catalogue.ts adds the schemas to these same entries.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Service = 'dli' | 'mrs' | 'dws';

/**
 * One upstream call the console may make, without its schemas. `path` is the BFF route
 * (Express-style `:param`), and `upstream` the provider's path template (`{param}`); both use the
 * same parameter names.
 */
export interface OperationMeta {
  readonly method: HttpMethod;
  readonly path: string;
  readonly service: Service;
  readonly upstream: string;
  readonly role: Role;
  /** HTTP status the upstream answers on success. */
  readonly successStatus: number;
  readonly summary: string;
}

function meta(d: Omit<OperationMeta, 'successStatus'> & { successStatus?: number }): OperationMeta {
  return { successStatus: 200, ...d };
}

export const operations = {
  'dli.listEnhancedConnections': meta({
    method: 'GET',
    path: '/api/dli/enhanced-connections',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections',
    role: 'viewer',
    summary: 'List enhanced connections',
  }),
  'dli.createEnhancedConnection': meta({
    method: 'POST',
    path: '/api/dli/enhanced-connections',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections',
    role: 'operator',
    summary: 'Create an enhanced connection',
  }),
  'dli.getEnhancedConnection': meta({
    method: 'GET',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    role: 'viewer',
    summary: 'Get an enhanced connection',
  }),
  'dli.replaceHosts': meta({
    method: 'PUT',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    role: 'operator',
    summary: 'Replace the hosts of an enhanced connection',
  }),
  'dli.deleteEnhancedConnection': meta({
    method: 'DELETE',
    path: '/api/dli/enhanced-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}',
    role: 'operator',
    summary: 'Delete an enhanced connection',
  }),
  'dli.associateQueue': meta({
    method: 'POST',
    path: '/api/dli/enhanced-connections/:connection_id/associate-queue',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}/associate-queue',
    role: 'operator',
    summary: 'Bind queues to an enhanced connection',
  }),
  'dli.disassociateQueue': meta({
    method: 'POST',
    path: '/api/dli/enhanced-connections/:connection_id/disassociate-queue',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}/disassociate-queue',
    role: 'operator',
    summary: 'Unbind queues from an enhanced connection',
  }),
  'dli.createRoute': meta({
    method: 'POST',
    path: '/api/dli/enhanced-connections/:connection_id/routes',
    service: 'dli',
    upstream: '/v3/{project_id}/datasource/enhanced-connections/{connection_id}/routes',
    role: 'operator',
    summary: 'Add a route to an enhanced connection',
  }),
  'dli.deleteRoute': meta({
    method: 'DELETE',
    path: '/api/dli/enhanced-connections/:connection_id/routes/:route_name',
    service: 'dli',
    upstream: '/v3/{project_id}/datasource/enhanced-connections/{connection_id}/routes/{route_name}',
    role: 'operator',
    summary: 'Remove a route from an enhanced connection',
  }),
  'dli.listConnectionPrivileges': meta({
    method: 'GET',
    path: '/api/dli/enhanced-connections/:connection_id/privileges',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}/privileges',
    role: 'viewer',
    summary: 'List the projects authorised on an enhanced connection',
  }),
  'dli.authorizeConnection': meta({
    method: 'PUT',
    path: '/api/dli/authorization',
    service: 'dli',
    upstream: '/v1.0/{project_id}/authorization',
    role: 'operator',
    summary: 'Grant or revoke another project’s use of an enhanced connection',
  }),
  'dli.startConnectionTest': meta({
    method: 'POST',
    path: '/api/dli/queues/:queue_name/connection-test',
    service: 'dli',
    upstream: '/v1.0/{project_id}/queues/{queue_name}/connection-test',
    role: 'operator',
    summary: 'Start a connectivity test from a queue to an address',
  }),
  'dli.getConnectionTest': meta({
    method: 'GET',
    path: '/api/dli/queues/:queue_name/connection-test/:task_id',
    service: 'dli',
    upstream: '/v1.0/{project_id}/queues/{queue_name}/connection-test/{task_id}',
    role: 'viewer',
    summary: 'Get the result of a connectivity test',
  }),
  'dli.getBasicConnection': meta({
    method: 'GET',
    path: '/api/dli/basic-connections/:connection_id',
    service: 'dli',
    upstream: '/v2.0/{project_id}/datasource-connection/{connection_id}',
    role: 'viewer',
    summary: 'Get a basic connection',
  }),
  'dli.listQueues': meta({
    method: 'GET',
    path: '/api/dli/queues',
    service: 'dli',
    upstream: '/v1.0/{project_id}/queues',
    role: 'viewer',
    summary: 'List queues',
  }),
  'mrs.listDataConnectors': meta({
    method: 'GET',
    path: '/api/mrs/data-connectors',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors',
    role: 'viewer',
    summary: 'List MRS data connectors',
  }),
  'mrs.createDataConnector': meta({
    method: 'POST',
    path: '/api/mrs/data-connectors',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors',
    role: 'operator',
    successStatus: 201,
    summary: 'Create an MRS data connector',
  }),
  'mrs.updateDataConnector': meta({
    method: 'PUT',
    path: '/api/mrs/data-connectors/:connector_id',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors/{connector_id}',
    role: 'operator',
    summary: 'Update an MRS data connector',
  }),
  'mrs.deleteDataConnector': meta({
    method: 'DELETE',
    path: '/api/mrs/data-connectors/:connector_id',
    service: 'mrs',
    upstream: '/v2/{project_id}/data-connectors/{connector_id}',
    role: 'operator',
    summary: 'Delete an MRS data connector',
  }),
  'dws.listClusters': meta({
    method: 'GET',
    path: '/api/dws/clusters',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters',
    role: 'viewer',
    summary: 'List DWS clusters',
  }),
  'dws.listExtDataSources': meta({
    method: 'GET',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources',
    role: 'viewer',
    summary: 'List external data sources of a DWS cluster',
  }),
  'dws.createExtDataSource': meta({
    method: 'POST',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources',
    role: 'operator',
    summary: 'Create an external data source',
  }),
  'dws.reconfigureExtDataSource': meta({
    method: 'PUT',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources/:ext_data_source_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}',
    role: 'operator',
    summary: 'Reconfigure an external data source',
  }),
  'dws.deleteExtDataSource': meta({
    method: 'DELETE',
    path: '/api/dws/clusters/:cluster_id/ext-data-sources/:ext_data_source_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/clusters/{cluster_id}/ext-data-sources/{ext_data_source_id}',
    role: 'operator',
    summary: 'Delete an external data source',
  }),
  'dws.getJob': meta({
    method: 'GET',
    path: '/api/dws/jobs/:job_id',
    service: 'dws',
    upstream: '/v1.0/{project_id}/job/{job_id}',
    role: 'viewer',
    summary: 'Get a DWS job',
  }),
} as const satisfies Record<string, OperationMeta>;

export type OperationId = keyof typeof operations;
export const operationIds = Object.keys(operations) as OperationId[];

export function isMutating(method: HttpMethod): boolean {
  return method !== 'GET';
}

/** Fills `:name` (BFF) placeholders, encoding each segment. */
export function bffPath(opDef: Pick<OperationMeta, 'path'>, params: Record<string, string>): string {
  return opDef.path.replace(/:([a-z_]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

/** Fills `{name}` (upstream) placeholders; `project_id` comes from server configuration. */
export function upstreamPath(
  opDef: Pick<OperationMeta, 'upstream'>,
  params: Record<string, string>,
  projectId: string,
): string {
  return opDef.upstream.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const v = name === 'project_id' ? projectId : params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}
