import { parseUpstreamError } from '@dsc/api-types';
import { ApiError, type ErrorCode } from '../errors.ts';

const MAX_MESSAGE = 500;

/** JSON.parse that answers undefined for empty, truncated or non-JSON bytes. */
export function parseJsonSafe(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function clip(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const oneLine = s.replace(/[\r\n\t]+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}

/**
 * Our status and code for an upstream error status. 401/403 mean the cloud refused the console's
 * own credentials, so they become 502: the browser must not take them for its session ending.
 */
export function mapUpstreamStatus(status: number): { status: number; code: ErrorCode } {
  if (status === 401 || status === 403) return { status: 502, code: 'UPSTREAM_AUTH' };
  if (status === 429) return { status: 429, code: 'THROTTLED' };
  if (status >= 400 && status < 500) return { status, code: 'UPSTREAM_ERROR' };
  if (status === 503) return { status: 503, code: 'UPSTREAM_UNAVAILABLE' };
  if (status === 504) return { status: 504, code: 'UPSTREAM_TIMEOUT' };
  return { status: 502, code: 'UPSTREAM_ERROR' };
}

const GENERIC: Partial<Record<ErrorCode, string>> = {
  UPSTREAM_AUTH: 'The cloud refused the console\'s credentials; an administrator must check the configured AK/SK and project',
  THROTTLED: 'The cloud is throttling requests; try again shortly',
  UPSTREAM_UNAVAILABLE: 'The cloud service is unavailable; try again shortly',
  UPSTREAM_TIMEOUT: 'The cloud service timed out',
};

/**
 * Normalises an upstream error response — any of the three body shapes, or none — into the one
 * error shape. `headerRequestId` is the upstream's X-Request-Id header, preferred to the body's.
 */
export function upstreamError(
  status: number,
  body: Buffer,
  headerRequestId: string | undefined,
  retryAfter?: string,
): ApiError {
  const json = parseJsonSafe(body);
  const info = parseUpstreamError(json);
  const mapped = mapUpstreamStatus(status);
  const upstreamMessage = clip(info.message);
  const fallback = json === undefined && body.length > 0
    ? `The cloud service answered HTTP ${status} with a body that is not JSON`
    : `The cloud service answered HTTP ${status}`;
  const message = GENERIC[mapped.code] ?? upstreamMessage ?? fallback;
  const requestId = headerRequestId ?? info.requestId;
  return new ApiError(mapped.code, message, {
    status: mapped.status,
    ...(requestId ? { requestId } : {}),
    upstream: {
      status,
      ...(info.code ? { code: clip(info.code)! } : {}),
      ...(upstreamMessage ? { message: upstreamMessage } : {}),
    },
    ...(retryAfter && /^\d{1,6}$/.test(retryAfter) ? { headers: { 'Retry-After': retryAfter } } : {}),
  });
}
