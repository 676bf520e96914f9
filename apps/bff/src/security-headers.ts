import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * No inline script anywhere. `img-src data:` because Vite inlines small images as data URLs;
 * nothing else is relaxed.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'img-src': ["'self'", 'data:'],
};

function helmetMiddleware(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    // Sent by `hsts` below, only on TLS: over plain HTTP the header means nothing.
    strictTransportSecurity: false,
  });
}

/**
 * The headers helmet sets with this configuration. None depends on the request (no nonces), so
 * they are worked out once by running helmet against a recording response, and each request
 * gets them in one loop instead of through helmet's dozen middlewares.
 */
export function securityHeaderList(): Array<[string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let nextCalled = false;
  helmetMiddleware()({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    nextCalled = true;
  });
  // helmet is synchronous with this configuration; if that ever changes, fail at start, not per request.
  if (!nextCalled) throw new Error('security headers: helmet did not finish synchronously');
  return [...headers];
}

/**
 * What an API answer (JSON, never rendered as a page) carries instead of the page set, after
 * OWASP's REST security cheat sheet: no sniffing, no framing, a policy that allows nothing, and
 * no cross-origin reads. The page-only headers (COOP, Origin-Agent-Cluster, Referrer-Policy,
 * DNS prefetch, download and cross-domain policies) say nothing about a JSON answer, and setting
 * eleven headers on each of them was a measurable share of a small read's cost (issue 23).
 */
export const API_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

export function securityHeaders(): RequestHandler {
  const page = securityHeaderList();
  return (req, res, next) => {
    const list = req.url.startsWith('/api/') ? API_SECURITY_HEADERS : page;
    for (const [name, value] of list) res.setHeader(name, value);
    next();
  };
}

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * HSTS when the request came over TLS: directly, or through a proxy trusted by TRUST_PROXY that
 * says so in X-Forwarded-Proto (Express's `req.secure` honours it only then).
 */
export const hsts: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
  next();
};

/** API answers are per-user and live: no cache may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
