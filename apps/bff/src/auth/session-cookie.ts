import type { IncomingMessage } from 'node:http';

/**
 * The cookie holds only the session id: 256 random bits, base64url. It is not signed: an HMAC
 * over an unguessable random id adds nothing, and the id is looked up server-side, where
 * SESSION_SECRET keys the store (see sessions.ts).
 */
export const SESSION_COOKIE = 'dsc_session';
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** The session id the request carries, if any well-formed one. */
export function readSessionId(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return undefined;
}

export function hasSessionCookie(req: IncomingMessage): boolean {
  return (req.headers.cookie ?? '')
    .split(';')
    .some((p) => p.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/,
 * Secure when the request came over TLS. Max-Age is the absolute lifetime; the server enforces
 * idle and absolute expiry whatever the browser keeps.
 */
export function sessionCookie(
  id: string,
  opts: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${opts.maxAgeSeconds}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}
