import { listQueues } from '../state/dli-queues.ts';
import type { ServiceHandlers } from './types.ts';

const OK = { is_success: true, message: '' } as const;

export const dliHandlers: ServiceHandlers<'dli'> = {
  'dli.listEnhancedConnections': ({ query }, { state }) => ({ ...OK, ...state.dli.list(query) }),
  'dli.createEnhancedConnection': ({ body }, { state }) => ({ ...OK, connection_id: state.dli.create(body) }),
  'dli.getEnhancedConnection': ({ params }, { state }) => ({ ...OK, ...state.dli.get(params.connection_id) }),
  'dli.replaceHosts': ({ params, body }, { state }) => {
    state.dli.replaceHosts(params.connection_id, body.hosts);
    return { ...OK };
  },
  'dli.deleteEnhancedConnection': ({ params }, { state }) => {
    state.dli.delete(params.connection_id);
    return { ...OK };
  },
  'dli.associateQueue': ({ params, body }, { state }) => {
    state.dli.associate(params.connection_id, body);
    return { ...OK };
  },
  'dli.disassociateQueue': ({ params, body }, { state }) => {
    state.dli.disassociate(params.connection_id, body);
    return { ...OK };
  },
  'dli.getBasicConnection': ({ params }, { state }) => ({ ...OK, ...state.basic.get(params.connection_id) }),
  'dli.listQueues': ({ query }, { state }) => ({ ...OK, queues: listQueues(state.queues, query) }),
};
