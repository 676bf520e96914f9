import type { IncomingHttpHeaders } from 'node:http';
import { upstreamPath, type HttpMethod, type Service } from '@dsc/api-types';
import type { UpstreamConfig } from '../config.ts';
import type { Operation } from '../operations.ts';
import type { ValidatedInput } from '../routes/validate.ts';
import { forwardableClientHeaders } from './forward-headers.ts';

/**
 * An upstream call, complete: the URL and headers are exactly what is signed and sent, and
 * `body` holds the one serialisation of the validated body.
 */
export interface UpstreamRequest {
  service: Service;
  method: HttpMethod;
  /** Absolute, query included. */
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

/** RFC 3986 unreserved characters stay, everything else is %XX: no `+` for space to misread. */
export function encodeQueryComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodeQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodeQueryComponent(k)}=${encodeQueryComponent(v)}`)
    .join('&');
}

/** An endpoint's origin with its path (no trailing slash) and its host, parsed once per endpoint. */
const endpoints = new Map<string, { prefix: string; host: string }>();
function endpointParts(endpoint: string): { prefix: string; host: string } {
  let parts = endpoints.get(endpoint);
  if (!parts) {
    const u = new URL(endpoint);
    parts = { prefix: u.origin + u.pathname.replace(/\/+$/, ''), host: u.host };
    endpoints.set(endpoint, parts);
  }
  return parts;
}

/**
 * The path comes from the catalogue's template, the configured project id and endpoint, and the
 * validated params — never from the browser's URL. The body is the parsed body serialised once.
 */
export function buildUpstreamRequest(
  op: Operation,
  input: ValidatedInput,
  upstream: UpstreamConfig,
  clientHeaders: IncomingHttpHeaders,
): UpstreamRequest {
  const { prefix, host } = endpointParts(upstream.endpoints[op.def.service]);
  const search = encodeQuery(input.query);
  // One parse per request: every path parameter is percent-encoded (upstreamPath) and so is the
  // query, so the string can hold no '?' or '#' of its own.
  const url = new URL(prefix + upstreamPath(op.def, input.params, upstream.projectId) + (search ? `?${search}` : ''));

  const body = op.def.body ? Buffer.from(JSON.stringify(input.body), 'utf8') : Buffer.alloc(0);
  const headers: Record<string, string> = {
    ...forwardableClientHeaders(clientHeaders),
    host,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  // Bodies go out with an exact length so the request is never chunked.
  if (op.def.body) headers['content-length'] = String(body.length);
  return { service: op.def.service, method: op.def.method, url, headers, body };
}
