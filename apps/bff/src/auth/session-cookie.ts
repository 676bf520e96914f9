import type { IncomingMessage } from 'node:http';

/**
 * The cookie holds only the session id: 256 random bits, base64url. It is not signed: an HMAC
 * over an unguessable random id adds nothing, and the id is looked up server-side, where
 * SESSION_SECRET keys the store (see sessions.ts).
 */
export const SESSION_COOKIE = 'dsc_session';
/**
 * Its name over TLS: browsers accept a `__Host-` cookie only with Secure, Path=/ and no Domain,
 * so a sibling subdomain cannot plant one for the console (RFC 6265bis, cookie prefixes).
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** More than this many cookies of our name is not a browser's doing; the rest are ignored. */
const MAX_CANDIDATES = 4;

type Req = IncomingMessage & { secure?: boolean };

function cookieName(secure: boolean | undefined): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/**
 * The well-formed session ids the request carries under the name for its transport (`__Host-`
 * over TLS), in order, without repeats. Several when a cookie was planted next to the real one:
 * each is tried, so a planted one cannot make the real one fail.
 */
export function sessionIdCandidates(req: Req): string[] {
  const header = req.headers.cookie;
  if (!header) return [];
  const name = cookieName(req.secure);
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_ID.test(value) && !out.includes(value)) out.push(value);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** The first well-formed session id the request carries, if any. */
export function readSessionId(req: Req): string | undefined {
  return sessionIdCandidates(req)[0];
}

export function hasSessionCookie(req: Req): boolean {
  const name = cookieName(req.secure);
  return (req.headers.cookie ?? '')
    .split(';')
    .some((p) => p.trim().startsWith(`${name}=`));
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/,
 * Secure and the `__Host-` name when the request came over TLS. Max-Age is the absolute
 * lifetime; the server enforces idle and absolute expiry whatever the browser keeps.
 */
export function sessionCookie(
  id: string,
  opts: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${cookieName(opts.secure)}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${opts.maxAgeSeconds}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return [
    `${cookieName(opts.secure)}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=0',
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}
