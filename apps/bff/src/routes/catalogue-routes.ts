import express, { type RequestHandler, type Router } from 'express';
import { isMutating, type HttpMethod } from '@dsc/api-types';
import type { Authorize } from '../auth/authorize.ts';
import type { UpstreamConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { idempotencyKeyStep } from '../idempotency/idempotency-key.ts';
import { operations, type Operation } from '../operations.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { SIGNABLE_BODY_LIMIT_BYTES } from '../proxy/sign-upstream-request.ts';
import { contextOf } from '../request-context.ts';
import { jsonBody } from './json-body.ts';
import { validate } from './validate.ts';

export interface CatalogueRouteDeps {
  authorize: Authorize;
  upstream: UpstreamConfig;
  /** The last step: sends the built request upstream (signed per attempt) and answers. */
  forward: (op: Operation) => RequestHandler;
}

const identify = (op: Operation): RequestHandler => (req, _res, next) => {
  const ctx = contextOf(req);
  ctx.operationId = op.id;
  // Every change is audited whatever its outcome; reads only when refused (403).
  ctx.audit = { operation: op.id, always: isMutating(op.def.method) };
  ctx.targetIds = { ...(req.params as Record<string, string>) };
  next();
};

const authorizeStep = (authorize: Authorize, op: Operation): RequestHandler => async (req, _res, next) => {
  await authorize(req, op);
  next();
};

const buildStep = (op: Operation, upstream: UpstreamConfig): RequestHandler => (req, _res, next) => {
  const ctx = contextOf(req);
  const built = buildUpstreamRequest(op, ctx.input!, upstream, req.headers);
  if (built.body.length > SIGNABLE_BODY_LIMIT_BYTES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', 'The request body is larger than the cloud can verify (12 MB)');
  }
  ctx.upstream = built;
  next();
};

const ROUTER_METHOD = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' } as const;

/**
 * The BFF's only routes to the cloud: one per catalogue entry, nothing else (design.md: the BFF
 * is never an open signer). Each runs authorize → body → validate → Idempotency-Key → build →
 * forward (which signs each attempt); a known path with another method answers 405 with Allow.
 */
export function catalogueRoutes(deps: CatalogueRouteDeps): Router {
  const router = express.Router();
  const methodsByPath = new Map<string, HttpMethod[]>();
  for (const op of operations) {
    router[ROUTER_METHOD[op.def.method]](
      op.def.path,
      identify(op),
      authorizeStep(deps.authorize, op),
      jsonBody(op.def),
      validate(op.def),
      idempotencyKeyStep(op.id),
      buildStep(op, deps.upstream),
      deps.forward(op),
    );
    methodsByPath.set(op.def.path, [...(methodsByPath.get(op.def.path) ?? []), op.def.method]);
  }
  for (const [path, methods] of methodsByPath) {
    const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    router.all(path, (req, _res, next) => {
      next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allow.join(', ')}`, {
        headers: { Allow: allow.join(', ') },
      }));
    });
  }
  return router;
}
