import type { Request, Response } from 'express';
import type { OperationId } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { retryAfterSeconds } from '../proxy/retry-after.ts';
import { answerFor, noteUpstream, sendAnswer, sendStoredAnswer, storedAnswer, withMessage, type Answer } from '../proxy/upstream-answer.ts';
import type { CallResult, UpstreamCaller } from '../proxy/upstream-caller.ts';
import type { FindCreated } from './find-created.ts';
import { fingerprintOf, type Claim, type Idempotency } from './idempotency-records.ts';

export interface CreateDeps {
  idempotency: Idempotency;
}

/** What a create needs of its target: the caller that signs with its keys and its lookup by name. */
interface TargetPart {
  id: string;
  caller: UpstreamCaller;
  find: FindCreated;
}

/**
 * How a create ended, as far as the console can tell: `final` (the cloud created it or refused
 * for good), `not-done` (certainly nothing was created) or `unknown` (the request may have been
 * carried out, but the answer was lost).
 */
type Fate = 'final' | 'not-done' | 'unknown';

function fateOf(result: CallResult, answer: Answer): Fate {
  if (result.kind === 'failed') return result.sent ? 'unknown' : 'not-done';
  if (!(answer instanceof ApiError)) return 'final';
  if (answer.code === 'UPSTREAM_RESULT_FAILED') return 'final';
  // A 2xx whose body cannot be read: the create ran, but which id it made is lost.
  if (answer.code === 'UPSTREAM_BAD_RESPONSE') return 'unknown';
  const status = result.response.status;
  // Redirected, refused credentials or throttled: the API itself never ran.
  if (status < 400 || status === 401 || status === 403 || status === 429) return 'not-done';
  return status >= 500 ? 'unknown' : 'final';
}

/**
 * A create: at most once per Idempotency-Key (repeats get the first outcome), and when the
 * answer is lost the console looks the resource up by name before answering, so "timed out"
 * never hides a creation. docs/decisions/004-idempotent-create.md.
 */
export async function createOnce(req: Request, res: Response, operationId: OperationId, shared: CreateDeps): Promise<void> {
  const ctx = contextOf(req);
  const target: TargetPart = ctx.target!;
  const deps = { ...shared, caller: target.caller, find: target.find };
  const input = ctx.input!;
  const request = ctx.upstream!;
  let claim: Claim | undefined;
  if (ctx.idempotencyKey) {
    const fingerprint = fingerprintOf(operationId, req.user!.username, input.params, request.body);
    const begun = await deps.idempotency.begin({ user: req.user!.username, key: `${target.id}\n${ctx.idempotencyKey}`, fingerprint });
    switch (begun.kind) {
      case 'replay':
        sendStoredAnswer(res, begun.answer);
        return;
      case 'reused':
        throw new ApiError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different request; send a new key for a new request',
        );
      case 'in-progress':
        throw new ApiError('IDEMPOTENCY_IN_PROGRESS', 'The first request with this Idempotency-Key is still running; try again shortly', {
          headers: { 'Retry-After': retryAfterSeconds(begun.retryAfterMs) },
        });
      case 'claimed':
        claim = begun.claim;
    }
  }
  const startedAt = claim?.startedAt ?? Date.now();

  try {
    if (claim?.checkFirst) {
      // An earlier attempt with this key may have created it: look before creating again.
      const found = await deps.find(operationId, input, startedAt, ctx.requestId);
      if (found.kind === 'found') {
        await claim.finish(storedAnswer(found.answer, ctx));
        sendAnswer(res, found.answer, { 'Idempotent-Recovered': 'true' });
        return;
      }
      if (found.kind === 'unknown') {
        await claim.leaveUnresolved();
        sendAnswer(res, withMessage(found.error, `${found.error.message}; whether an earlier attempt created it is still unknown, so nothing was sent: trying again with the same Idempotency-Key is safe`));
        return;
      }
    }

    const result = await deps.caller.call({ request, operationId, mutating: true, requestId: ctx.requestId });
    noteUpstream(ctx, result);
    let answer = answerFor(operationId, result, deps.caller.skew);
    let fate = fateOf(result, answer);
    const headers: Record<string, string> = {};
    if (fate === 'unknown' && answer instanceof ApiError) {
      const found = await deps.find(operationId, input, startedAt, ctx.requestId);
      if (found.kind === 'found') {
        answer = found.answer;
        fate = 'final';
        headers['Idempotent-Recovered'] = 'true';
      } else if (found.kind === 'absent') {
        fate = 'not-done';
        answer = withMessage(answer, `${answer.message}; the console checked by name and nothing was created, so trying again is safe`);
      } else {
        answer = withMessage(
          answer,
          `${answer.message}; whether it was created could not be checked${claim ? ': trying again with the same Idempotency-Key is safe' : ''}`,
        );
      }
    }
    if (claim) {
      if (fate === 'final') await claim.finish(storedAnswer(answer, ctx));
      else if (fate === 'not-done') await claim.release();
      else await claim.leaveUnresolved();
    }
    sendAnswer(res, answer, headers);
  } catch (err) {
    // Something of ours failed mid-way (the store, a bug): whoever repeats must look first.
    await claim?.leaveUnresolved().catch(() => {});
    throw err;
  }
}
