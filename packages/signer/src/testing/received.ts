// Test helper: a signed request as an HTTP server receives it — lower-case header names,
// optional whitespace gone, a host header, and the request target (path and query) as its URL.
import type { SignableRequest } from '../types.ts';

export function asReceived(req: SignableRequest, added: Record<string, string>): SignableRequest {
  const url = new URL(req.url);
  const headers: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries({ ...req.headers, ...added })) {
    headers[name.toLowerCase()] = value.replace(/^[ \t]+|[ \t]+$/g, '');
  }
  const body = typeof req.body === 'string' ? new TextEncoder().encode(req.body) : req.body;
  return { method: req.method, url: url.pathname + url.search, headers, body };
}
