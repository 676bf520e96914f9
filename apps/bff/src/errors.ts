import type { Response } from 'express';
import type { ConsoleError } from '@dsc/api-types';
import { contextOf } from './request-context.ts';

/**
 * The `error.code` values the BFF answers with. The browser branches on these (and on `status`),
 * never on the message text.
 */
export const ERROR_CODES = {
  CSRF_REQUIRED: 403,
  CROSS_SITE_REQUEST: 403,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Sign-in with a wrong username or password (one answer for both). */
  INVALID_CREDENTIALS: 401,
  /** Too many sign-in attempts from this address or for this account; see Retry-After. */
  SIGN_IN_THROTTLED: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  /** An upstream 4xx other than the ones below; the status is the upstream's. */
  UPSTREAM_ERROR: 502,
  /** The cloud refused the console's own AK/SK (upstream 401/403). */
  UPSTREAM_AUTH: 502,
  THROTTLED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  /** The console's own per-service limit: too many calls already waiting; see Retry-After. */
  UPSTREAM_BUSY: 503,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNREACHABLE: 502,
  UPSTREAM_REDIRECT: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  /** HTTP 2xx whose body says the operation failed (MRS `result: failed`, DLI `is_success: false`). */
  UPSTREAM_RESULT_FAILED: 502,
  /** The Idempotency-Key was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** The first request with this Idempotency-Key is still running; see Retry-After. */
  IDEMPOTENCY_IN_PROGRESS: 409,
  INTERNAL: 500,
  /** The audit line could not be written, so the answer is withheld (the change may have happened). */
  AUDIT_UNAVAILABLE: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorBody = ConsoleError;
type UpstreamPart = NonNullable<ErrorBody['error']['upstream']>;

export interface ApiErrorOptions {
  status?: number;
  fields?: Record<string, string>;
  upstream?: UpstreamPart;
  requestId?: string;
  headers?: Record<string, string>;
}

/** An error the BFF answers in the one error shape. Messages are for people and hold no secret. */
export class ApiError extends Error {
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly upstream: UpstreamPart | undefined;
  readonly requestId: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    opts: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = opts.status ?? ERROR_CODES[code];
    this.fields = opts.fields;
    this.upstream = opts.upstream;
    this.requestId = opts.requestId;
    this.headers = opts.headers ?? {};
  }
}

export function errorBody(err: ApiError, requestId: string | undefined): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      status: err.status,
      ...(requestId ? { requestId } : {}),
      ...(err.upstream ? { upstream: err.upstream } : {}),
      ...(err.fields ? { fields: err.fields } : {}),
    },
  };
}

/**
 * Writes `err` unless a response has already started. The request id is the error's own (an
 * upstream's), else the `X-Request-Id` this response already carries.
 */
export function sendError(res: Response, err: ApiError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const ctx = contextOf(res.req);
  ctx.errorCode = err.code;
  if (err.upstream) ctx.upstreamError = { status: err.upstream.status, code: err.upstream.code };
  const requestId = err.requestId ?? headerString(res.getHeader('x-request-id'));
  if (requestId) res.setHeader('X-Request-Id', requestId);
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res.status(err.status).json(errorBody(err, requestId));
}

function headerString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
