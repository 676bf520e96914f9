import { compareBytes, percentDecode, percentEncode } from './encode.ts';

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const RELATIVE_BASE = 'http://relative.invalid';

/**
 * WHATWG parsing, because that is what fetch and node:http put on the wire (dot segments
 * resolved, '\' turned into '/', spaces escaped). A path-only URL (a server's request target)
 * is accepted too; it gets a placeholder origin, so `relative` tells callers not to trust host.
 */
export function parseRequestUrl(url: string): { parsed: URL; relative: boolean } {
  if (ABSOLUTE.test(url)) return { parsed: new URL(url), relative: false };
  // Prefixing instead of resolving keeps a target like '//a/b' a path, not an authority.
  return { parsed: new URL(RELATIVE_BASE + (url.startsWith('/') ? url : `/${url}`)), relative: true };
}

/**
 * Split on '/', decode each segment, re-encode it, end with '/'. Splitting first means an
 * encoded slash (%2F) stays inside its segment and is signed as %2F.
 */
export function canonicalUri(pathname: string): string {
  const uri = pathname
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment, false)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/**
 * `search` with or without its '?'. Pairs split on '&' then on the first '='; a key without
 * '=' has the empty value. Keys and values are form-decoded ('+' is a space, as Go's
 * url.ParseQuery, URLSearchParams and node's querystring read it; a literal plus is %2B),
 * sorted by key then value in byte order of the decoded UTF-8, then re-encoded.
 */
export function canonicalQueryString(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const pairs: [Uint8Array, Uint8Array][] = [];
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = eq < 0 ? piece : piece.slice(0, eq);
    const value = eq < 0 ? '' : piece.slice(eq + 1);
    pairs.push([percentDecode(key, true), percentDecode(value, true)]);
  }
  pairs.sort((a, b) => compareBytes(a[0], b[0]) || compareBytes(a[1], b[1]));
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}
