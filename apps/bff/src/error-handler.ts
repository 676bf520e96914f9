import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, sendError } from './errors.ts';

interface HttpishError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

/**
 * Maps anything thrown in the chain to the one error shape. Messages of foreign errors are never
 * echoed: a JSON parse error quotes the body it failed on, which may hold a password.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new ApiError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new ApiError('PAYLOAD_TOO_LARGE', 'The request body is larger than the console accepts');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError('VALIDATION', 'The request body was incomplete', { status: 400 });
  }
  // The router's decoding of a path parameter such as %FF (its message would echo the path).
  if (err instanceof URIError) {
    return new ApiError('VALIDATION', 'The request path is not valid percent-encoded UTF-8', { status: 400 });
  }
  if (e.status === 404) return new ApiError('NOT_FOUND', 'Not found');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true) {
    return new ApiError('VALIDATION', 'The request could not be read', { status: e.status });
  }
  return new ApiError('INTERNAL', 'Internal error');
}

/** Last in the chain. Unexpected errors reach the access log line through `res.err`. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const apiError = toApiError(err);
  if (apiError.code === 'INTERNAL') (res as { err?: Error }).err = err instanceof Error ? err : new Error(String(err));
  sendError(res, apiError);
};

export const apiNotFound: RequestHandler = (req, _res, next) => {
  const path = (req.originalUrl.split('?')[0] ?? '').slice(0, 200);
  next(new ApiError('NOT_FOUND', `There is no API route ${req.method} ${path}`));
};

export const notFound: RequestHandler = (_req, _res, next) => {
  next(new ApiError('NOT_FOUND', 'Not found'));
};
