import type { RequestHandler } from 'express';
import { isMutating } from '@dsc/api-types';
import type { Authorize } from '../auth/authorize.ts';
import { ApiError } from '../errors.ts';
import { idempotencyKeyStep } from '../idempotency/idempotency-key.ts';
import { operations, type Operation } from '../operations.ts';
import { buildUpstreamRequest } from '../proxy/build-upstream-request.ts';
import { SIGNABLE_BODY_LIMIT_BYTES } from '../proxy/sign-upstream-request.ts';
import { contextOf } from '../request-context.ts';
import type { Target } from '../targets/targets.ts';
import { jsonBody } from './json-body.ts';
import { createOperationMatcher, type OperationMatch } from './operation-matcher.ts';
import { runSteps, type Step } from './run-steps.ts';
import { validate } from './validate.ts';

export interface CatalogueRouteDeps {
  authorize: Authorize;
  /** The target of a request that did not name one (`/api/…` rather than `/api/t/:targetId/…`). */
  defaultTarget: Target;
  /** Prepended to req.path before matching: '/api' where mounted under `/api/t/:targetId`. */
  pathPrefix?: string;
  /** The last step: sends the built request upstream (signed per attempt) and answers. */
  forward: (op: Operation) => RequestHandler;
}

const identify = (op: Operation, defaultTarget: Target): RequestHandler => (req, _res, next) => {
  const ctx = contextOf(req);
  ctx.operationId = op.id;
  ctx.target ??= defaultTarget;
  // Every change is audited whatever its outcome; reads only when refused (403).
  ctx.audit = { operation: op.id, always: isMutating(op.def.method) };
  ctx.targetIds = { ...(req.params as Record<string, string>) };
  next();
};

const authorizeStep = (authorize: Authorize, op: Operation): RequestHandler => async (req, _res, next) => {
  await authorize(req, op);
  next();
};

const buildStep = (op: Operation): RequestHandler => (req, _res, next) => {
  const ctx = contextOf(req);
  const built = buildUpstreamRequest(op, ctx.input!, ctx.target!.upstream, req.headers);
  if (built.body.length > SIGNABLE_BODY_LIMIT_BYTES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', 'The request body is larger than the cloud can verify (12 MB)');
  }
  ctx.upstream = built;
  next();
};

/**
 * The BFF's only routes to the cloud: one per catalogue entry, nothing else (design.md: the BFF
 * is never an open signer). Each runs authorize → body → validate → Idempotency-Key → build →
 * forward (which signs each attempt); a known path with another method answers 405 with Allow.
 * One handler matches every catalogue path (operation-matcher.ts) instead of an Express route per
 * operation, which cost more CPU per request than anything the steps do.
 */
export function catalogueRoutes(deps: CatalogueRouteDeps): RequestHandler {
  const match = createOperationMatcher(operations);
  const chains = new Map<Operation, Step[]>(
    operations.map((op) => [
      op,
      [
        identify(op, deps.defaultTarget),
        authorizeStep(deps.authorize, op),
        jsonBody(op.def),
        validate(op.def),
        idempotencyKeyStep(op.id),
        buildStep(op),
        deps.forward(op),
      ],
    ]),
  );
  const prefix = deps.pathPrefix ?? '';
  return (req, res, next) => {
    let found: OperationMatch;
    try {
      found = match(req.method, prefix + req.path);
    } catch (err) {
      next(err);
      return;
    }
    if (found.kind === 'none') {
      next();
      return;
    }
    if (found.kind === 'method-not-allowed') {
      const allow = found.allow.join(', ');
      next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allow}`, { headers: { Allow: allow } }));
      return;
    }
    req.params = found.params;
    runSteps(chains.get(found.op)!, req, res, next);
  };
}
