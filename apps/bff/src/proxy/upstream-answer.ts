import type { Response } from 'express';
import type { OperationId } from '@dsc/api-types';
import { endCompressible } from '../compress-answers.ts';
import { ApiError, errorBody, sendError } from '../errors.ts';
import { contextOf, type RequestContext } from '../request-context.ts';
import { noteCreatedId } from '../audit/created-resource.ts';
import { describeSkew, type ClockSkew } from './clock-skew.ts';
import type { CallResult } from './upstream-caller.ts';
import { interpretUpstreamResponse, type PassThrough } from './upstream-response.ts';

/** What the browser gets: the upstream's success body as it came, or an error in the one shape. */
export type Answer = PassThrough | ApiError;

/** Records what the upstream said, for the access log and the audit trail. */
export function noteUpstream(ctx: RequestContext, result: CallResult): void {
  if (result.kind === 'answer') {
    ctx.upstreamStatus = result.response.status;
    if (result.response.requestId) ctx.upstreamRequestId = result.response.requestId;
  } else if (result.error.requestId) {
    ctx.upstreamRequestId = result.error.requestId;
  }
}

/** Interprets a call's result; an expired signature says by how much the clocks differ. */
export function answerFor(operationId: OperationId, result: CallResult, skew: ClockSkew): Answer {
  if (result.kind === 'failed') return result.error;
  const answer = interpretUpstreamResponse(operationId, result.response);
  if (answer instanceof ApiError && answer.code === 'UPSTREAM_AUTH' && answer.upstream?.code?.endsWith('.0303')) {
    const skewMs = skew.reportable();
    const clocks = skewMs === undefined ? 'the server clock is probably off' : `the console's clock is ${describeSkew(skewMs)}`;
    return withMessage(
      answer,
      `The cloud refused the console's request signature as expired: ${clocks}; an administrator must correct the server time (NTP)`,
    );
  }
  return answer;
}

/** The same error with another message (status, code, upstream part and headers kept). */
export function withMessage(err: ApiError, message: string): ApiError {
  return new ApiError(err.code, message, {
    status: err.status,
    ...(err.fields ? { fields: err.fields } : {}),
    ...(err.upstream ? { upstream: err.upstream } : {}),
    ...(err.requestId ? { requestId: err.requestId } : {}),
    headers: err.headers,
  });
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes an answer: success bodies byte for byte with the upstream's status, errors in the one shape. */
export function sendAnswer(res: Response, answer: Answer, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (answer instanceof ApiError) {
    sendError(res, answer);
    return;
  }
  const ctx = contextOf(res.req);
  noteCreatedId(ctx, answer.status, answer.body);
  const requestId = ctx.upstreamRequestId;
  if (requestId) res.setHeader('X-Request-Id', requestId);
  // JSON whatever the upstream labelled it: a `text/html` label would have the browser render
  // upstream bytes as a page on the console's origin.
  if (answer.status !== 204) res.setHeader('Content-Type', JSON_TYPE);
  res.status(answer.status);
  if (answer.status !== 204 && answer.status !== 304) res.setHeader('Content-Length', answer.body.length);
  endCompressible(res, answer.body);
}

/** An answer as the idempotency store keeps it, to be sent again for a repeated request. */
export interface StoredAnswer {
  status: number;
  contentType?: string | undefined;
  requestId?: string | undefined;
  retryAfter?: string | undefined;
  body: string;
  errorCode?: string | undefined;
  upstream?: { status: number; code?: string | undefined } | undefined;
}

export function storedAnswer(answer: Answer, ctx: RequestContext): StoredAnswer {
  if (answer instanceof ApiError) {
    const requestId = answer.requestId ?? ctx.upstreamRequestId ?? ctx.requestId;
    return {
      status: answer.status,
      contentType: 'application/json; charset=utf-8',
      requestId,
      retryAfter: answer.headers['Retry-After'],
      body: JSON.stringify(errorBody(answer, requestId)),
      errorCode: answer.code,
      ...(answer.upstream ? { upstream: { status: answer.upstream.status, code: answer.upstream.code } } : {}),
    };
  }
  return {
    status: answer.status,
    contentType: JSON_TYPE,
    requestId: ctx.upstreamRequestId,
    body: answer.body.toString('utf8'),
  };
}

/** Sends a stored answer again, marked as a replay. */
export function sendStoredAnswer(res: Response, a: StoredAnswer): void {
  const ctx = contextOf(res.req);
  if (a.errorCode) ctx.errorCode = a.errorCode;
  if (a.upstream) ctx.upstreamError = a.upstream;
  if (!a.errorCode) noteCreatedId(ctx, a.status, a.body);
  if (a.requestId) res.setHeader('X-Request-Id', a.requestId);
  if (a.status !== 204) res.setHeader('Content-Type', JSON_TYPE);
  if (a.retryAfter) res.setHeader('Retry-After', a.retryAfter);
  res.setHeader('Idempotent-Replayed', 'true');
  const body = Buffer.from(a.body, 'utf8');
  res.status(a.status);
  res.setHeader('Content-Length', body.length);
  endCompressible(res, body);
}
