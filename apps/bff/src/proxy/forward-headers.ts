import type { IncomingHttpHeaders } from 'node:http';

/**
 * The only request headers of the browser's that travel upstream. Everything else is dropped:
 * credentials and session (Authorization, Cookie, X-Security-Token), anything that could steer
 * signing or routing (X-Sdk-*, X-Project-Id, Host, X-Forwarded-*, Forwarded, Via), hop-by-hop
 * headers (Connection, Keep-Alive, TE, Transfer-Encoding, Upgrade, Proxy-*), browser context
 * (Origin, Referer, Sec-*, User-Agent) and our own X-CSRF. Content-Type, Accept and
 * Content-Length are not forwarded either: the BFF sets them for the bytes it writes.
 *
 * Accept-Language passes, restricted to its grammar, so gateway messages can follow the user's
 * language; it changes no behaviour that matters for security.
 */
const ALLOWED: Record<string, RegExp> = {
  'accept-language': /^[A-Za-z0-9*,;=. -]{1,100}$/,
};

export function forwardableClientHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(ALLOWED)) {
    const v = headers[name];
    if (typeof v === 'string' && pattern.test(v)) out[name] = v;
  }
  return out;
}

/** Response headers of the upstream's that reach the browser (besides X-Request-Id). */
export const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after'] as const;
