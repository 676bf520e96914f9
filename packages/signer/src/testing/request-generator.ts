// Test helper: random signable requests for the oracle test. Each case carries both the raw
// URL our signer parses and the decoded ground truth (path text, query pairs, JSON body, wire
// host, date string) that the provider's SDK signer is fed, so the SDK never sees our parsing.
import type { Credentials } from '../types.ts';
import type { Rng } from './rng.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RESERVED = [' ', '*', '+', '%', '~', ';', ':', '@', '=', '&', '!', "'", '(', ')', '$', ',', '?', '#', '[', ']', '"', '<', '>', '`', '{', '}', '|', '^', '\\', '\t'];
const UNICODE = ['中', '文', '数据', 'é', 'ß', 'Ж', '😀', '🚀', '👍🏽', '👨‍👩‍👧'];
// Text that is already percent-encoded: the signer must encode its '%' once more.
const ENCODED_LOOKING = ['%41', '%2F', '%2f', '%20', '%E4%B8%AD', '%zz', '%', '%%'];
// U+E000–U+FFFF sorts after astral characters in UTF-16 (the SDK's sort) but before them in
// UTF-8 byte order (the doc's); only path text may contain it, where nothing is sorted.
const PATH_ONLY_UNICODE = ['＝', '\uFFFD', '\uE000'];

// Characters that cannot appear raw in the URL without changing its structure (or that WHATWG
// parsing would drop or rewrite: tabs are stripped, '\' becomes '/').
const PATH_MUST_ENCODE = new Set(['/', '?', '#', '%', '\\', '\t']);
const QUERY_MUST_ENCODE = new Set(['&', '=', '+', '#', '%', '\t']);

export interface Origin {
  url: string;
  /** The Host header a client sends for it (WHATWG: lower case, default port dropped). */
  host: string;
}
export const ORIGINS: readonly Origin[] = [
  { url: 'http://127.0.0.1:4010', host: '127.0.0.1:4010' },
  { url: 'https://dli.cn-north-4.myhuaweicloud.com', host: 'dli.cn-north-4.myhuaweicloud.com' },
  { url: 'HTTPS://DWS.Example.COM:443', host: 'dws.example.com' },
  { url: 'http://[::1]:8080', host: '[::1]:8080' },
  { url: 'http://localhost:80', host: 'localhost' },
];

const EXTRA_SIGNABLE = ['x-request-id', 'accept', 'x-a-b', 'x-ab', 'x-a1', 'if-match', 'x-trace'];
const UNSIGNED = ['User-Agent', 'Accept-Language', 'X-Forwarded-For', 'Cache-Control'];
const CONTENT_TYPES = ['application/json', 'application/json;charset=UTF-8', 'text/plain; charset=utf-8', 'application/octet-stream'];

export interface GeneratedRequest {
  method: string;
  url: string;
  origin: Origin;
  /** Decoded path, e.g. '/a b/中/' — what the SDK's CanonicalURI is given. */
  decodedPath: string;
  /** Decoded query pairs in URL order. */
  query: [string, string][];
  /** Headers for our signer: mixed-case names, values with surrounding whitespace. */
  headers: Record<string, string>;
  /** The headers we expect to be signed, lower-case name → trimmed value (host and date excluded). */
  signedValues: Map<string, string>;
  signedHeadersOpt: string[];
  body: string | Uint8Array;
  bodyJson: unknown;
  creds: Credentials;
  now: Date;
  sdkDate: string;
}

function varyCase(rng: Rng, name: string): string {
  switch (rng.int(0, 3)) {
    case 0:
      return name.toLowerCase();
    case 1:
      return name.toUpperCase();
    case 2:
      return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    default:
      return [...name].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join('');
  }
}

function pad(rng: Rng): string {
  return rng.pick(['', '', ' ', '  ', '\t', ' \t ']);
}

function encodeChar(rng: Rng, ch: string): string {
  const lower = rng.chance(0.3);
  return [...new TextEncoder().encode(ch)]
    .map((b) => {
      const hex = b.toString(16).padStart(2, '0');
      return '%' + (lower ? hex : hex.toUpperCase());
    })
    .join('');
}

function text(rng: Rng, maxLen: number, extra: readonly string[]): string {
  const pools: readonly (readonly string[])[] = [[...ALNUM], [...ALNUM], RESERVED, UNICODE, ENCODED_LOOKING, ['_', '-', '.', '~'], extra];
  let out = '';
  const len = rng.int(0, maxLen);
  for (let i = 0; i < len; i++) {
    const pool = rng.pick(pools);
    if (pool.length > 0) out += rng.pick(pool);
  }
  return out;
}

function encodePathSegment(rng: Rng, segment: string): string {
  let out = '';
  for (const ch of segment) out += PATH_MUST_ENCODE.has(ch) || rng.chance(0.3) ? encodeChar(rng, ch) : ch;
  return out;
}

function encodeQueryPart(rng: Rng, part: string, isKey: boolean): string {
  let out = '';
  for (const ch of part) {
    if (ch === ' ') out += rng.pick(['+', '%20', ' ']);
    else if (QUERY_MUST_ENCODE.has(ch) && (isKey || ch !== '=')) out += encodeChar(rng, ch);
    else out += rng.chance(0.3) ? encodeChar(rng, ch) : ch;
  }
  return out;
}

function pathSegment(rng: Rng): string {
  for (;;) {
    // '/' inside a segment is the encoded-slash edge the SDK does not share (see oracle test).
    const s = text(rng, 8, PATH_ONLY_UNICODE).replaceAll('/', '');
    // '.' and '..' (even as %2E) are dot segments: URL parsing removes them before signing.
    if (s !== '.' && s !== '..') return s;
  }
}

function jsonValue(rng: Rng, depth: number): unknown {
  const kind = rng.int(0, depth > 2 ? 3 : 5);
  switch (kind) {
    case 0:
      return text(rng, 12, []);
    case 1:
      return rng.int(-1e6, 1e6) / rng.pick([1, 10, 1000]);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return rng.pick(['中文名称', 'emoji 🚀 ok', '"quoted" \\ back', 'line\nbreak']);
    case 4:
      return Array.from({ length: rng.int(0, 4) }, () => jsonValue(rng, depth + 1));
    default:
      return jsonObject(rng, depth + 1);
  }
}

function jsonObject(rng: Rng, depth: number): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const n = rng.int(0, 5);
  for (let i = 0; i < n; i++) obj[rng.pick(['name', 'queues', 'hosts', '描述', 'k🚀', text(rng, 6, [])])] = jsonValue(rng, depth);
  return obj;
}

function sdkDateOf(rng: Rng): { now: Date; sdkDate: string } {
  const [y, mo, d, h, mi, s] = [rng.int(2000, 2035), rng.int(1, 12), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59), rng.int(0, 59)];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = rng.int(0, 999);
  return { now: new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)), sdkDate: `${p(y, 4)}${p(mo)}${p(d)}T${p(h)}${p(mi)}${p(s)}Z` };
}

export function generateRequest(rng: Rng): GeneratedRequest {
  const origin = rng.pick(ORIGINS);
  const method = rng.pick(['GET', 'POST', 'PUT', 'DELETE']);

  const segments = Array.from({ length: rng.int(0, 5) }, () => pathSegment(rng));
  const trailing = segments.length > 0 && rng.chance(0.3) ? '/' : '';
  const decodedPath = '/' + segments.join('/') + trailing;
  const rawPath = '/' + segments.map((s) => encodePathSegment(rng, s)).join('/') + trailing;

  const query: [string, string][] = [];
  const pieces: string[] = [];
  for (let i = rng.int(0, 6); i > 0; i--) {
    const key = query.length > 0 && rng.chance(0.3) ? rng.pick(query)[0] : rng.chance(0.05) ? '' : text(rng, 6, []);
    const value = rng.chance(0.2) ? '' : text(rng, 10, []);
    query.push([key, value]);
    const bare = value === '' && key !== '' && rng.chance(0.5);
    pieces.push(bare ? encodeQueryPart(rng, key, true) : `${encodeQueryPart(rng, key, true)}=${encodeQueryPart(rng, value, false)}`);
    if (rng.chance(0.1)) pieces.push('');
  }
  // URL parsing strips trailing spaces from the input, so a raw one cannot end the URL.
  const url = (origin.url + rawPath + (pieces.length > 0 || rng.chance(0.1) ? '?' + pieces.join('&') : '')).replace(/ +$/, (m) =>
    '%20'.repeat(m.length),
  );

  const headers: Record<string, string> = {};
  const signedValues = new Map<string, string>();
  const addHeader = (name: string, value: string, signed: boolean) => {
    headers[varyCase(rng, name)] = pad(rng) + value + pad(rng);
    if (signed) signedValues.set(name, value);
  };
  if (rng.chance(0.3)) headers[varyCase(rng, 'host')] = pad(rng) + origin.host + pad(rng);
  if (rng.chance(0.6)) addHeader('content-type', rng.pick(CONTENT_TYPES), true);
  if (rng.chance(0.5)) addHeader('x-project-id', text(rng, 4, []).replace(/[^A-Za-z0-9]/g, '') + '0a1b2c3d4e5f', true);
  const signedHeadersOpt: string[] = [];
  for (let i = rng.chance(0.3) ? rng.int(1, 3) : 0; i > 0; i--) {
    const name = rng.pick(EXTRA_SIGNABLE);
    if (signedValues.has(name)) continue;
    // Inner runs of spaces and tabs must survive: the provider does not collapse them.
    addHeader(name, rng.pick(['a  b', 'x\t\ty', 'v1', 'é-ü', '*/*', '"etag-1"']) + text(rng, 5, []).replace(/[^A-Za-z0-9 ]/g, '').trim(), true);
    signedHeadersOpt.push(varyCase(rng, name));
  }
  if (rng.chance(0.2)) signedHeadersOpt.push(varyCase(rng, rng.pick(['host', 'x-sdk-date'])));
  for (let i = rng.int(0, 2); i > 0; i--) headers[rng.pick(UNSIGNED)] = pad(rng) + 'unsigned ' + text(rng, 5, []).replace(/[^A-Za-z0-9]/g, '');

  const creds: Credentials = { ak: 'AK' + text(rng, 18, []).replace(/[^A-Z0-9]/gi, '').toUpperCase() + 'X', sk: 'SK/' + text(rng, 30, []) };
  if (rng.chance(0.4)) creds.securityToken = 'tok-' + Buffer.from(text(rng, 40, [])).toString('base64');

  let body: string | Uint8Array = '';
  let bodyJson: unknown;
  if (rng.chance(0.6)) {
    bodyJson = rng.chance(0.8) ? jsonObject(rng, 0) : Array.from({ length: rng.int(0, 3) }, () => jsonValue(rng, 1));
    body = JSON.stringify(bodyJson);
    if (rng.chance(0.5)) body = new TextEncoder().encode(body);
  } else if (rng.chance(0.5)) {
    body = new Uint8Array(0);
  }

  return { method, url, origin, decodedPath, query, headers, signedValues, signedHeadersOpt, body, bodyJson, creds, ...sdkDateOf(rng) };
}
