import { configureStatusName } from '@dsc/api-types';
import type { SimState } from '../state/seed.ts';
import type { SampleIds } from './sample-requests.ts';
import type { TestSim } from './signed-client.ts';

interface ConnLike {
  id: string;
  status: string;
  available_queue_info: { name: string }[];
}
interface SourceLike {
  id: string;
  configure_status?: unknown;
}

function pickConnection(conns: readonly ConnLike[]): string {
  const c = conns.find(
    (x) =>
      x.status === 'ACTIVE' &&
      x.available_queue_info.some((q) => q.name === 'sql_prod_yearly') &&
      !x.available_queue_info.some((q) => q.name === 'flink_cdc_jobs'),
  );
  if (!c) throw new Error('no connection fit for the samples');
  return c.id;
}

function pickSource(sources: readonly SourceLike[]): string {
  const s = sources.find((x) => configureStatusName(x.configure_status) === 'ACTIVE');
  if (!s) throw new Error('no ACTIVE ext data source');
  return s.id;
}

export function idsFromState(state: SimState): SampleIds {
  const dws = state.dws.ids();
  const cluster = dws.clusters.find((c) => c.name === 'dws-prod-analytics');
  if (!cluster) throw new Error('seed has no dws-prod-analytics');
  return {
    connectionId: pickConnection(state.dli.list({ limit: '0', status: 'ACTIVE' }).connections),
    basicConnectionId: state.basic.ids()[0]?.connection_id ?? '',
    connectorId: state.mrs.list({}).data_connectors[0]?.connector_id ?? '',
    clusterId: cluster.id,
    extSourceId: pickSource(state.dws.listSources(cluster.id, 'p').data_sources),
    jobId: dws.jobs[0] ?? '',
  };
}

export async function idsFromApi(t: TestSim): Promise<SampleIds> {
  const conns = (await t.call('GET', '/v2.0/{p}/datasource/enhanced-connections?limit=0&status=ACTIVE')).json as { connections: ConnLike[] };
  const inv = t.sim.control.inventory();
  const cluster = inv.dwsClusters.find((c) => c.name === 'dws-prod-analytics');
  if (!cluster) throw new Error('seed has no dws-prod-analytics');
  const mrs = (await t.call('GET', '/v2/{p}/data-connectors')).json as { data_connectors: { connector_id: string }[] };
  const sources = (await t.call('GET', `/v1.0/{p}/clusters/${cluster.id}/ext-data-sources`)).json as { data_sources: SourceLike[] };
  return {
    connectionId: pickConnection(conns.connections),
    basicConnectionId: inv.basicConnections[0]?.connection_id ?? '',
    connectorId: mrs.data_connectors[0]?.connector_id ?? '',
    clusterId: cluster.id,
    extSourceId: pickSource(sources.data_sources),
    jobId: inv.dwsJobs[0] ?? '',
  };
}
