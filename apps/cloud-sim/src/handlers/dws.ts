import type { ServiceHandlers } from './types.ts';

export const dwsHandlers: ServiceHandlers<'dws'> = {
  'dws.listClusters': (_input, { state }) => state.dws.listClusters(),
  'dws.listExtDataSources': ({ params }, { state, projectId }) => state.dws.listSources(params.cluster_id, projectId),
  'dws.createExtDataSource': ({ params, body }, { state }) => state.dws.create(params.cluster_id, body),
  'dws.reconfigureExtDataSource': ({ params, body }, { state }) =>
    state.dws.reconfigure(params.cluster_id, params.ext_data_source_id, body),
  'dws.deleteExtDataSource': ({ params }, { state }) => state.dws.delete(params.cluster_id, params.ext_data_source_id),
  'dws.getJob': ({ params }, { state }) => state.dws.getJob(params.job_id),
};
