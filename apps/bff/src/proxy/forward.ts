import type { RequestHandler } from 'express';
import { isMutating } from '@dsc/api-types';
import { createOnce, type CreateDeps } from '../idempotency/create-once.ts';
import { CREATE_OPERATIONS } from '../idempotency/idempotency-key.ts';
import type { Operation } from '../operations.ts';
import { contextOf } from '../request-context.ts';
import { answerFor, noteUpstream, sendAnswer } from './upstream-answer.ts';

/**
 * Last step of every catalogue route: sends `contextOf(req).upstream` through the upstream caller
 * of the request's target (its keys, limits, deadline, read retries) and answers the browser. Creates go through
 * `createOnce` (Idempotency-Key, lookup by name when the answer is lost).
 */
export function forwardStep(op: Operation, deps: CreateDeps): RequestHandler {
  if (CREATE_OPERATIONS.has(op.id)) return (req, res) => createOnce(req, res, op.id, deps);
  return async (req, res) => {
    const ctx = contextOf(req);
    const { caller } = ctx.target!;
    const result = await caller.call({
      request: ctx.upstream!,
      operationId: op.id,
      mutating: isMutating(op.def.method),
      requestId: ctx.requestId,
    });
    noteUpstream(ctx, result);
    sendAnswer(res, answerFor(op.id, result, caller.skew));
  };
}
