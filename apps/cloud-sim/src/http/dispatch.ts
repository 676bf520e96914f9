import type { RequestHandler } from 'express';
import { catalogue } from '@dsc/api-types';
import type { OperationId } from '@dsc/api-types';
import { handlers } from '../handlers/handler-map.ts';
import type { HandlerContext } from '../handlers/types.ts';
import type { SimRuntime } from '../runtime.ts';
import { serviceErrorBody } from './error-body.ts';
import { sendJson } from './send.ts';
import { ServiceError } from './service-error.ts';
import { validateInput } from './validate.ts';

type LooseHandler = (input: unknown, ctx: HandlerContext) => unknown;

/** Validates, runs the operation's handler and answers with the entry's success status. */
export function dispatch(rt: SimRuntime, opId: OperationId, projectId: string): RequestHandler {
  const op = catalogue[opId];
  // The map is checked per id at compile time; here one loose call site serves every id.
  const handler = handlers[opId] as unknown as LooseHandler;
  return (req, res) => {
    let body: unknown;
    try {
      body = handler(validateInput(opId, req, res), { state: rt.state, projectId });
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      sendJson(res, err.status, serviceErrorBody(op.service, opId, err.code, err.message));
      return;
    }
    if (op.method !== 'GET') rt.stats.mutation(opId);
    sendJson(res, op.successStatus, body);
  };
}
