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
  'dli.createRoute': ({ params, body }, { state }) => {
    state.dliNetwork.addRoute(params.connection_id, body);
    return { ...OK };
  },
  'dli.deleteRoute': ({ params }, { state }) => {
    state.dliNetwork.deleteRoute(params.connection_id, params.route_name);
    return { is_success: true, message: 'Deleted' };
  },
  'dli.listConnectionPrivileges': ({ params }, { state }) => ({ ...OK, ...state.dliNetwork.privileges(params.connection_id) }),
  'dli.authorizeConnection': ({ body }, { state, projectId }) => {
    state.dliNetwork.authorize(body, projectId);
    return { ...OK };
  },
  // The Chinese reference's integer task id; the web reads either form (api-types TaskId).
  'dli.startConnectionTest': ({ params, body }, { state }) => {
    const taskId = state.dliNetwork.startTest(params.queue_name, body.address);
    return { ...OK, message: `check connectivity to address:${body.address} successfully`, task_id: taskId };
  },
  'dli.getConnectionTest': ({ params }, { state }) => ({ ...OK, ...state.dliNetwork.testResult(params.queue_name, params.task_id) }),
  'dli.getBasicConnection': ({ params }, { state }) => ({ ...OK, ...state.basic.get(params.connection_id) }),
  'dli.listQueues': ({ query }, { state }) => ({ ...OK, queues: listQueues(state.queues, query) }),
};
