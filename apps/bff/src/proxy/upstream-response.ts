import { mrsResultOk, UpdateDataConnectorResponse, type OperationId } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { upstreamError } from './upstream-errors.ts';
import { viewSuccessBody } from './success-body.ts';

export interface UpstreamResponse {
  status: number;
  contentType: string | undefined;
  requestId: string | undefined;
  retryAfter: string | undefined;
  /** The upstream's `Date` header: its clock, for skew estimates and Retry-After dates. */
  date?: string | undefined;
  body: Buffer;
}

/** Passed to the browser byte for byte, with the upstream's status. */
export interface PassThrough {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/**
 * Some operations report failure inside an HTTP 2xx body. Returns the failure's message, or
 * undefined when the body reports success.
 */
export function failureInSuccessBody(operationId: OperationId, json: unknown): string | undefined {
  if (operationId === 'mrs.updateDataConnector') {
    const r = UpdateDataConnectorResponse.safeParse(json);
    if (!r.success) return 'The update answer carries no result';
    return mrsResultOk(r.data.result) ? undefined : `The update answer says result "${r.data.result.slice(0, 50)}"`;
  }
  if (operationId.startsWith('dli.') && typeof json === 'object' && json !== null) {
    const o = json as { is_success?: unknown; message?: unknown };
    if (o.is_success === false) return typeof o.message === 'string' && o.message ? o.message.slice(0, 500) : 'The answer says is_success: false';
  }
  return undefined;
}

/**
 * Decides what the browser gets for a complete upstream response: its success body unchanged,
 * or an ApiError. Redirects are not followed; a 2xx whose body is not JSON is not passed on (for a
 * large body, one that does not open and close like JSON: see success-body.ts).
 */
export function interpretUpstreamResponse(operationId: OperationId, r: UpstreamResponse): PassThrough | ApiError {
  const requestId = r.requestId;
  if (r.status >= 300 && r.status < 400) {
    return new ApiError('UPSTREAM_REDIRECT', `The cloud service answered with a redirect (HTTP ${r.status}), which the console does not follow`, {
      ...(requestId ? { requestId } : {}),
      upstream: { status: r.status },
    });
  }
  if (r.status < 200 || r.status >= 300) return upstreamError(r.status, r.body, requestId, r.retryAfter);

  const view = viewSuccessBody(operationId, r.body);
  const wellFormed = view.kind === 'unparsed' ? view.wellFormed : r.body.length === 0 || view.json !== undefined;
  if (!wellFormed) {
    return new ApiError('UPSTREAM_BAD_RESPONSE', 'The cloud service sent an answer that is not valid JSON', {
      ...(requestId ? { requestId } : {}),
      upstream: { status: r.status },
    });
  }
  const failure = view.kind === 'parsed' ? failureInSuccessBody(operationId, view.json) : undefined;
  if (failure !== undefined) {
    return new ApiError('UPSTREAM_RESULT_FAILED', failure, {
      ...(requestId ? { requestId } : {}),
      upstream: { status: r.status, message: failure },
    });
  }
  return { status: r.status, contentType: r.contentType, body: r.body };
}
