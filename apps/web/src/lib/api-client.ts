import type { BodyOf, ParamsOf, QueryOf, ResponseOf } from '@dsc/api-types';
import { bffPath, operations, type HttpMethod, type OperationId } from '@dsc/api-types/meta';
import { ApiError, CLIENT_ERROR_CODES, apiErrorFromBody } from './api-error.ts';
import { loadApiSchemas } from './api-schemas.ts';
import { currentTarget, targetPath } from './current-target.ts';
import { parseBody, type BodySchema } from './parse-body.ts';
import { explicitRefreshUnderway } from './explicit-refresh.ts';
import { emitUnauthorized } from './unauthorized-events.ts';

export type { BodySchema };

/**
 * A schema, or a function that loads one. Loaded schemas (the catalogue's, with zod) are fetched
 * while the request is in flight, so keeping them out of the first paint costs no round trip.
 */
export type BodySchemaSource<T> = BodySchema<T> | (() => Promise<BodySchema<T>>);

/** For answers whose body does not matter (a sign-out). */
export const anyBody: BodySchema<unknown> = { safeParse: (data) => ({ success: true, data }) };

export type QueryValue = string | number | boolean | null | undefined;

export interface BffRequestInit<T> {
  method: HttpMethod;
  /** An absolute BFF path such as `/api/session`, without a query string. */
  path: string;
  query?: Readonly<Record<string, QueryValue>> | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Parses the success body, so upstream quirks are normalised here and nowhere else. */
  schema: BodySchemaSource<T>;
  /** false for calls whose 401 is an answer rather than a lost session (signing in). */
  notifyUnauthorized?: boolean | undefined;
  /** Extra request headers (e.g. `Idempotency-Key`); they cannot replace X-CSRF, Accept or Content-Type. */
  headers?: Readonly<Record<string, string>> | undefined;
}

// An empty strictObject's input is Record<string, never>: an index signature, not named keys.
type HasKeys<T> = [keyof T] extends [never] ? false : string extends keyof T ? false : true;

/** Path parameters are required when the operation has any; query and body only when it takes one. */
export type ApiRequestOptions<Id extends OperationId> = (HasKeys<ParamsOf<Id>> extends true
  ? { params: ParamsOf<Id> }
  : { params?: undefined }) &
  ([QueryOf<Id>] extends [never] ? { query?: undefined } : { query?: QueryOf<Id> | undefined }) &
  ([BodyOf<Id>] extends [never] ? { body?: undefined } : { body: BodyOf<Id> }) & {
    signal?: AbortSignal | undefined;
    headers?: Readonly<Record<string, string>> | undefined;
    /**
     * The target to act on; absent = the one in the URL now. Queries pass the target their key
     * holds, so a key and its answer always name the same target.
     */
    target?: string | undefined;
  };

type OptionsArg<Id extends OperationId> =
  object extends ApiRequestOptions<Id>
    ? [options?: ApiRequestOptions<Id>]
    : [options: ApiRequestOptions<Id>];

/** Calls one catalogue operation through the BFF and returns its parsed success body. */
export function apiRequest<Id extends OperationId>(
  id: Id,
  ...[options]: OptionsArg<Id>
): Promise<ResponseOf<Id>> {
  const op = operations[id];
  const opts: {
    params?: unknown;
    query?: unknown;
    body?: unknown;
    signal?: AbortSignal | undefined;
    headers?: Readonly<Record<string, string>> | undefined;
    target?: string | undefined;
  } = options ?? {};
  const target = 'target' in opts ? opts.target : currentTarget();
  return bffRequest({
    method: op.method,
    // `/api/t/<target>/…`: the BFF resolves the target (and the caller's role on it) from the path.
    path: targetPath(target, bffPath(op, (opts.params ?? {}) as Record<string, string>)),
    query: opts.query as Record<string, QueryValue> | undefined,
    body: opts.body,
    signal: opts.signal,
    headers: opts.headers,
    schema: async () =>
      (await loadApiSchemas()).catalogue[id].response as unknown as BodySchema<ResponseOf<Id>>,
  });
}

export function buildUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The one place the browser talks to the BFF. Every request carries `X-CSRF: 1` (the BFF refuses
 * /api calls without it) and the same-origin session cookie; every failure becomes an ApiError.
 */
export async function bffRequest<T>(init: BffRequestInit<T>): Promise<T> {
  const schemaReady =
    typeof init.schema === 'function' ? init.schema() : Promise.resolve(init.schema);
  // Handled below once the answer is in; until then a failed load must not count as unhandled.
  schemaReady.catch(() => undefined);
  const headers: Record<string, string> = {
    ...extraHeaders(init.headers),
    Accept: 'application/json',
    'X-CSRF': '1',
  };
  if (explicitRefreshUnderway() && init.method === 'GET') headers['Cache-Control'] = 'no-cache';
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(init.path, init.query), {
      method: init.method,
      headers,
      body,
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (e) {
    if (isAbort(e, init.signal)) throw e;
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'The server could not be reached',
    });
  }

  const requestId = res.headers.get('X-Request-Id') ?? undefined;
  const text = await res.text();
  const json = parseJson(text);

  if (!res.ok) {
    const error = await apiErrorFromBody(res.status, json.ok ? json.value : undefined, requestId);
    if (error.status === 401 && init.notifyUnauthorized !== false) emitUnauthorized(error);
    throw error;
  }

  let schema: BodySchema<T>;
  try {
    schema = await schemaReady;
  } catch {
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'The console could not load the code that reads this answer',
      requestId,
    });
  }
  const parsed = json.ok ? await parseBody(schema, json.value, { signal: init.signal }) : undefined;
  if (!parsed?.success) {
    throw new ApiError({
      status: res.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: 'The server answered with a body the console does not understand',
      requestId,
    });
  }
  return parsed.data;
}

const RESERVED_HEADERS = new Set(['accept', 'x-csrf', 'content-type']);

function extraHeaders(h: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(h ?? {})) {
    if (!RESERVED_HEADERS.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (e instanceof DOMException && e.name === 'AbortError');
}
