import { canonicalQueryString, canonicalUri, parseRequestUrl } from './canonical-url.ts';
import { sha256Hex } from './digest.ts';
import { isHeaderName, lowerCaseHeaders, trimHeaderValue } from './headers.ts';

/** Lower-cased, de-duplicated, byte-sorted: the form both SignedHeaders and the canonical headers use. */
export function normalizeSignedHeaderNames(names: readonly string[]): string[] {
  const lower = [...new Set(names.map((n) => n.toLowerCase()))].sort();
  for (const name of lower) {
    if (!isHeaderName(name)) throw new Error(`"${name}" is not a valid header name`);
    if (name === 'authorization') throw new Error('the authorization header cannot be signed');
  }
  return lower;
}

/** The canonical request from an already lower-cased header map (see canonicalRequest). */
export function buildCanonicalRequest(
  method: string,
  url: string | URL,
  headers: ReadonlyMap<string, string>,
  signedHeaderNames: readonly string[],
  body: Uint8Array | string,
): string {
  const { parsed, relative } = parseRequestUrl(url);
  const names = normalizeSignedHeaderNames(signedHeaderNames);
  let canonicalHeaders = '';
  for (const name of names) {
    let value = headers.get(name);
    if (value === undefined && name === 'host' && !relative && parsed.host !== '') value = parsed.host;
    if (value === undefined) throw new Error(`signed header "${name}" is not in the request`);
    canonicalHeaders += `${name}:${trimHeaderValue(value)}\n`;
  }
  return [
    method,
    canonicalUri(parsed.pathname),
    canonicalQueryString(parsed.search),
    canonicalHeaders,
    names.join(';'),
    sha256Hex(body),
  ].join('\n');
}

/**
 * METHOD \n URI \n QUERY \n headers (each "name:value\n") \n signed;names \n hex sha256(body).
 * `headers` in any case; host falls back to the URL's host when absent. The method is used
 * as given (the wire is case-sensitive). Throws when a signed header is missing.
 */
export function canonicalRequest(
  method: string,
  url: string | URL,
  headers: Record<string, string>,
  signedHeaderNames: string[],
  body: Uint8Array | string,
): string {
  return buildCanonicalRequest(method, url, lowerCaseHeaders(headers), signedHeaderNames, body);
}
