import { compareBytes, percentDecode, percentEncode } from './encode.ts';

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const RELATIVE_BASE = 'http://relative.invalid';
/** Text that decodes and re-encodes to itself: only unreserved characters, no '%' or '+'. */
const ALREADY_CANONICAL = /^[A-Za-z0-9_.~-]*$/;

/**
 * WHATWG parsing, because that is what fetch and node:http put on the wire (dot segments
 * resolved, '\' turned into '/', spaces escaped). A path-only URL (a server's request target)
 * is accepted too; it gets a placeholder origin, so `relative` tells callers not to trust host.
 */
export function parseRequestUrl(url: string | URL): { parsed: URL; relative: boolean } {
  if (url instanceof URL) return { parsed: url, relative: false };
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
    .map((segment) => (ALREADY_CANONICAL.test(segment) ? segment : percentEncode(percentDecode(segment, false))))
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
  if (raw === '') return '';
  const split = raw
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece): [string, string] => {
      const eq = piece.indexOf('=');
      return eq < 0 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)];
    });
  // Unreserved ASCII decodes and encodes to itself, and JS string order is byte order for ASCII.
  if (split.every(([k, v]) => ALREADY_CANONICAL.test(k) && ALREADY_CANONICAL.test(v))) {
    split.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    return split.map(([k, v]) => `${k}=${v}`).join('&');
  }
  const pairs = split.map(([k, v]): [Uint8Array, Uint8Array] => [percentDecode(k, true), percentDecode(v, true)]);
  pairs.sort((a, b) => compareBytes(a[0], b[0]) || compareBytes(a[1], b[1]));
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}
