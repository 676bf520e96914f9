import * as z from 'zod';
import * as dli from './dli.ts';
import * as doctor from './dli-doctor.ts';
import * as mrs from './mrs.ts';
import * as dws from './dws.ts';
import { operationIds, operations, type OperationId, type OperationMeta } from './operations.ts';
import { pathId } from './primitives.ts';

/**
 * One upstream call the console may make: its metadata (operations.ts: method, BFF route,
 * upstream path, role) and the schemas of what it takes and answers.
 */
export interface OperationDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> extends OperationMeta {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly response: R;
}

type OperationSchemas = Pick<OperationDef, 'params' | 'query' | 'body' | 'response'>;

const noParams = z.strictObject({});
const connectionParams = z.strictObject({ connection_id: pathId });

// Every operation in operations.ts has its schemas here, and nothing else does (satisfies).
const schemas = {
  'dli.listEnhancedConnections': {
    params: noParams,
    query: dli.ListEnhancedConnectionsQuery,
    body: undefined,
    response: dli.ListEnhancedConnectionsResponse,
  },
  'dli.createEnhancedConnection': {
    params: noParams,
    query: undefined,
    body: dli.CreateEnhancedConnectionBody,
    response: dli.CreateEnhancedConnectionResponse,
  },
  'dli.getEnhancedConnection': {
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.GetEnhancedConnectionResponse,
  },
  'dli.replaceHosts': {
    params: connectionParams,
    query: undefined,
    body: dli.ReplaceHostsBody,
    response: dli.DliOkResponse,
  },
  'dli.deleteEnhancedConnection': {
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.DliOkResponse,
  },
  'dli.associateQueue': {
    params: connectionParams,
    query: undefined,
    body: dli.QueueBindingBody,
    response: dli.DliOkResponse,
  },
  'dli.disassociateQueue': {
    params: connectionParams,
    query: undefined,
    body: dli.QueueBindingBody,
    response: dli.DliOkResponse,
  },
  'dli.createRoute': {
    params: connectionParams,
    query: undefined,
    body: doctor.CreateRouteBody,
    response: dli.DliOkResponse,
  },
  'dli.deleteRoute': {
    params: z.strictObject({ connection_id: pathId, route_name: doctor.RouteName.pipe(pathId) }),
    query: undefined,
    body: undefined,
    response: dli.DliOkResponse,
  },
  'dli.listConnectionPrivileges': {
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: doctor.ConnectionPrivilegesResponse,
  },
  'dli.authorizeConnection': {
    params: noParams,
    query: undefined,
    body: doctor.ConnectionAuthorizationBody,
    response: dli.DliOkResponse,
  },
  'dli.startConnectionTest': {
    params: z.strictObject({ queue_name: pathId }),
    query: undefined,
    body: doctor.ConnectionTestBody,
    response: doctor.ConnectionTestStarted,
  },
  'dli.getConnectionTest': {
    params: z.strictObject({ queue_name: pathId, task_id: pathId }),
    query: undefined,
    body: undefined,
    response: doctor.ConnectionTestResult,
  },
  'dli.getBasicConnection': {
    params: connectionParams,
    query: undefined,
    body: undefined,
    response: dli.BasicConnection,
  },
  'dli.listQueues': {
    params: noParams,
    query: dli.ListQueuesQuery,
    body: undefined,
    response: dli.ListQueuesResponse,
  },
  'mrs.listDataConnectors': {
    params: noParams,
    query: mrs.ListDataConnectorsQuery,
    body: undefined,
    response: mrs.ListDataConnectorsResponse,
  },
  'mrs.createDataConnector': {
    params: noParams,
    query: undefined,
    body: mrs.CreateDataConnectorBody,
    response: mrs.CreateDataConnectorResponse,
  },
  'mrs.updateDataConnector': {
    params: z.strictObject({ connector_id: pathId }),
    query: undefined,
    body: mrs.UpdateDataConnectorBody,
    response: mrs.UpdateDataConnectorResponse,
  },
  'mrs.deleteDataConnector': {
    params: z.strictObject({ connector_id: pathId }),
    query: undefined,
    body: undefined,
    response: z.unknown(),
  },
  'dws.listClusters': {
    params: noParams,
    query: undefined,
    body: undefined,
    response: dws.ListClustersResponse,
  },
  'dws.listExtDataSources': {
    params: z.strictObject({ cluster_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.ListExtDataSourcesResponse,
  },
  'dws.createExtDataSource': {
    params: z.strictObject({ cluster_id: pathId }),
    query: undefined,
    body: dws.CreateExtDataSourceBody,
    response: dws.CreateExtDataSourceResponse,
  },
  'dws.reconfigureExtDataSource': {
    params: z.strictObject({ cluster_id: pathId, ext_data_source_id: pathId }),
    query: undefined,
    body: dws.ReconfigureBody,
    response: dws.JobAcceptedResponse,
  },
  'dws.deleteExtDataSource': {
    params: z.strictObject({ cluster_id: pathId, ext_data_source_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.JobAcceptedResponse,
  },
  'dws.getJob': {
    params: z.strictObject({ job_id: pathId }),
    query: undefined,
    body: undefined,
    response: dws.DwsJob,
  },} as const satisfies Record<OperationId, OperationSchemas>;

type Schemas = typeof schemas;
export type Catalogue = { readonly [Id in OperationId]: (typeof operations)[Id] & Schemas[Id] };

export const catalogue = Object.fromEntries(
  operationIds.map((id) => [id, { ...operations[id], ...schemas[id] }]),
) as Catalogue;

type Out<T> = T extends z.ZodType ? z.output<T> : never;
type In<T> = T extends z.ZodType ? z.input<T> : never;
export type ParamsOf<Id extends OperationId> = In<Catalogue[Id]['params']>;
export type QueryOf<Id extends OperationId> = In<Catalogue[Id]['query']>;
export type BodyOf<Id extends OperationId> = In<Catalogue[Id]['body']>;
export type ResponseOf<Id extends OperationId> = Out<Catalogue[Id]['response']>;
