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

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    // Sent by `hsts` below, only on TLS: over plain HTTP the header means nothing.
    strictTransportSecurity: false,
  });
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
