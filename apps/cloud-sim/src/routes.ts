import { Router } from 'express';
import type { RequestHandler } from 'express';
import { catalogue, operationIds } from '@dsc/api-types';
import type { OperationId } from '@dsc/api-types';
import { sendGatewayError } from './gateway/gateway-errors.ts';
import { applyFault } from './http/apply-fault.ts';
import { dispatch } from './http/dispatch.ts';
import { recordOf } from './http/record-request.ts';
import type { SimRuntime } from './runtime.ts';

/** `{project_id}` → `:project_id`: the Express route of an upstream path template. */
export function expressPath(upstream: string): string {
  return upstream.replace(/\{([a-z_]+)\}/g, ':$1');
}

function markOperation(rt: SimRuntime, opId: OperationId): RequestHandler {
  return (_req, res, next) => {
    recordOf(res).operation = opId;
    rt.stats.request(opId);
    next();
  };
}

/**
 * A project the AK cannot reach is an IAM failure at the gateway, so the simulator answers 401
 * APIGW.0301 (not a service 404) and names the project in the message (it is not a secret).
 * It does not count towards the AK lockout: the signature itself was good.
 */
const PROJECT_MSG_PREFIX = 'Incorrect IAM authentication information: project';

function checkProject(projectId: string): RequestHandler {
  return (req, res, next) => {
    const inPath = req.params.project_id;
    const header = req.headers['x-project-id'];
    if (inPath !== projectId || (header !== undefined && header !== projectId)) {
      sendGatewayError(res, 401, 'APIGW.0301', `${PROJECT_MSG_PREFIX} ${String(inPath)} is not accessible with this AK`);
      return;
    }
    next();
  };
}

/** One route per catalogue entry; DLI, MRS and DWS paths do not collide, so one router serves all. */
export function buildApiRouter(rt: SimRuntime, projectId: string): Router {
  // The gateway matches paths case-sensitively.
  const router = Router({ caseSensitive: true });
  for (const opId of operationIds) {
    const op = catalogue[opId];
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](
      expressPath(op.upstream),
      markOperation(rt, opId),
      checkProject(projectId),
      applyFault(rt, opId, op.service),
      dispatch(rt, opId, projectId),
    );
  }
  return router;
}
