import type { ServiceHandlers } from './types.ts';

export const mrsHandlers: ServiceHandlers<'mrs'> = {
  'mrs.listDataConnectors': ({ query }, { state }) => state.mrs.list(query),
  'mrs.createDataConnector': ({ body }, { state }) => ({ connector_id: state.mrs.create(body.data_connector) }),
  // "succeed" is the spelling of the seed's example response (its prose says "succeeded").
  'mrs.updateDataConnector': ({ params, body }, { state }) => {
    state.mrs.update(params.connector_id, body.data_connector);
    return { result: 'succeed' };
  },
  'mrs.deleteDataConnector': ({ params }, { state }) => {
    state.mrs.delete(params.connector_id);
    return undefined;
  },
};
