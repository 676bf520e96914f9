import { loadApiSchemas } from './api-schemas.ts';

export interface UpstreamErrorDetail {
  status: number;
  code?: string | undefined;
  message?: string | undefined;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  upstream?: UpstreamErrorDetail | undefined;
  fields?: Record<string, string> | undefined;
}

/** Codes the client itself gives to failures that never produced a console error body. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  invalidResponse: 'INVALID_RESPONSE',
  http: 'HTTP_ERROR',
} as const;

/** Every failed BFF call, built from the one console error shape (design.md). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly upstream: UpstreamErrorDetail | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.upstream = init.upstream;
    this.fields = init.fields;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/**
 * Reads an error response body. A console error body wins; anything else (an HTML page from a
 * proxy, an empty body) becomes a generic error carrying the status and the X-Request-Id header.
 * The console error schema comes with the lazily loaded catalogue (api-schemas.ts); if that
 * cannot load, the generic error is still given.
 */
export async function apiErrorFromBody(
  status: number,
  body: unknown,
  headerRequestId?: string | null,
): Promise<ApiError> {
  const schemas = await loadApiSchemas().catch(() => undefined);
  const parsed = schemas?.ConsoleError.safeParse(body);
  if (parsed?.success) {
    const e = parsed.data.error;
    return new ApiError({
      status,
      code: e.code,
      message: e.message,
      requestId: e.requestId ?? headerRequestId ?? undefined,
      upstream: e.upstream,
      fields: e.fields,
    });
  }
  return new ApiError({
    status,
    code: CLIENT_ERROR_CODES.http,
    message: `Request failed with status ${status}`,
    requestId: headerRequestId ?? undefined,
  });
}
