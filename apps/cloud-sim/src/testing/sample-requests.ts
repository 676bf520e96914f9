import { seededTestTaskId } from '../state/seed-queues.ts';
import type { OperationId } from '@dsc/api-types';

export interface SampleIds {
  connectionId: string;
  basicConnectionId: string;
  connectorId: string;
  clusterId: string;
  extSourceId: string;
  jobId: string;
}

export interface SampleRequest {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** One valid request per operation; a missing operation is a type error. */
export function sampleRequests(ids: SampleIds): Record<OperationId, SampleRequest> {
  const conn = { connection_id: ids.connectionId };
  const source = { cluster_id: ids.clusterId, ext_data_source_id: ids.extSourceId };
  const sourceInfo = JSON.stringify({ db_name: 'orders', user_name: 'etl_user', password: 'N3w-Passw0rd', rds_instance_id: 'abc123in01' });
  return {
    'dli.listEnhancedConnections': { params: {}, query: { limit: '5', offset: '0' } },
    'dli.createEnhancedConnection': {
      params: {},
      body: {
        name: 'sample_conn',
        dest_vpc_id: 'vpc-1',
        dest_network_id: 'subnet-1',
        queues: ['sql_prod_yearly'],
        hosts: [{ name: 'db-0001', ip: '10.0.0.1' }],
        tags: [{ key: 'env', value: 'test' }],
      },
    },
    'dli.getEnhancedConnection': { params: conn },
    'dli.replaceHosts': { params: conn, body: { hosts: [{ name: 'app-01', ip: '192.168.1.10' }] } },
    'dli.deleteEnhancedConnection': { params: conn },
    'dli.associateQueue': { params: conn, body: { queues: ['flink_cdc_jobs'] } },
    'dli.disassociateQueue': { params: conn, body: { queues: ['sql_prod_yearly'] } },
    'dli.createRoute': { params: conn, body: { name: 'to_orders_db', cidr: '172.16.5.0/24' } },
    'dli.deleteRoute': { params: { ...conn, route_name: 'shared_services' } },
    'dli.listConnectionPrivileges': { params: conn },
    'dli.authorizeConnection': {
      params: {},
      body: {
        projectId: '330e068af1334c9782f4226acc00a2e2',
        action: 'grant',
        privileges: [{ object: `edsconnections.${ids.connectionId}`, privileges: ['BIND_QUEUE'] }],
      },
    },
    'dli.startConnectionTest': { params: { queue_name: 'sql_prod_yearly' }, body: { address: 'db-0001:5432' } },
    'dli.getConnectionTest': { params: { queue_name: 'sql_prod_yearly', task_id: seededTestTaskId('sql_prod_yearly') } },
    'dli.getBasicConnection': { params: { connection_id: ids.basicConnectionId } },
    'dli.listQueues': { params: {}, query: { queue_type: 'all' } },
    'mrs.listDataConnectors': { params: {}, query: { limit: '10' } },
    'mrs.createDataConnector': {
      params: {},
      body: { data_connector: { connector_name: 'sample-connector', source_type: 'RDS_MYSQL', source_info: sourceInfo } },
    },
    'mrs.updateDataConnector': {
      params: { connector_id: ids.connectorId },
      body: { data_connector: { connector_name: 'sample-renamed', source_type: 'RDS_POSTGRES', source_info: sourceInfo } },
    },
    'mrs.deleteDataConnector': { params: { connector_id: ids.connectorId } },
    'dws.listClusters': { params: {} },
    'dws.listExtDataSources': { params: { cluster_id: ids.clusterId } },
    'dws.createExtDataSource': {
      params: { cluster_id: ids.clusterId },
      body: { type: 'OBS', data_source_name: 'sample_obs', user_name: 'DWSAccessOBS', description: 'sample' },
    },
    'dws.reconfigureExtDataSource': { params: source, body: { reconfigure: { reboot: false, agency: 'DWSAccessOBS' } } },
    'dws.deleteExtDataSource': { params: source },
    'dws.getJob': { params: { job_id: ids.jobId } },
  };
}
