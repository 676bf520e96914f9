import type { RequestHandler } from 'express';
import { isMutating } from '@dsc/api-types';
import { createOnce, type CreateDeps } from '../idempotency/create-once.ts';
import { CREATE_OPERATIONS } from '../idempotency/idempotency-key.ts';
import type { Operation } from '../operations.ts';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { answerFor, noteUpstream, sendAnswer } from './upstream-answer.ts';

/** The browser asked for fresh data (the web's refresh button, a hard reload). */
function wantsFresh(cacheControl: string | undefined, pragma: string | undefined): boolean {
  return (cacheControl !== undefined && /(?:^|[\s,])(?:no-cache|max-age=0)(?:$|[\s,])/i.test(cacheControl)) || pragma === 'no-cache';
}

/**
 * Last step of every catalogue route: sends `contextOf(req).upstream` through the upstream caller
 * of the request's target (its keys, limits, deadline, read retries) and answers the browser. Creates go through
 * `createOnce` (Idempotency-Key, lookup by name when the answer is lost). Reads may share an
 * identical read's answer within the target's caller (decision 015); a shared answer says its age in `Age`.
 */
export function forwardStep(op: Operation, deps: CreateDeps): RequestHandler {
  if (CREATE_OPERATIONS.has(op.id)) return (req, res) => createOnce(req, res, op.id, deps);
  const mutating = isMutating(op.def.method);
  return async (req, res) => {
    const ctx = contextOf(req);
    const { caller } = ctx.target!;
    const result = await caller.call({
      request: ctx.upstream!,
      operationId: op.id,
      mutating,
      requestId: ctx.requestId,
      ...(mutating ? {} : { share: wantsFresh(req.headers['cache-control'], req.headers.pragma as string | undefined) ? 'refresh' : 'window' }),
    });
    noteUpstream(ctx, result);
    const answer = answerFor(op.id, result, caller.skew);
    sendAnswer(res, answer, result.shared && !(answer instanceof ApiError) ? { Age: String(Math.floor(result.shared.ageMs / 1000)) } : undefined);
  };
}
