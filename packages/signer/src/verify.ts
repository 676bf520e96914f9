import { timingSafeEqual } from 'node:crypto';
import { buildCanonicalRequest, normalizeSignedHeaderNames } from './canonical.ts';
import { ALGORITHM, hmacSha256Hex, sha256Hex, stringToSign } from './digest.ts';
import { lowerCaseHeaders, trimHeaderValue } from './headers.ts';
import { parseSdkDate } from './sdk-date.ts';
import type { SignableRequest, VerifyResult } from './types.ts';

const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = new RegExp(
  `^${ALGORITHM}[ \\t]+Access=([^,\\s]+),[ \\t]*SignedHeaders=([^,\\s]+),[ \\t]*Signature=([0-9a-f]{64})$`,
);

type Failure = Extract<VerifyResult, { ok: false }>;
const fail = (reason: Failure['reason']): Failure => ({ ok: false, reason });

interface ParsedAuthorization {
  ak: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = AUTHORIZATION.exec(trimHeaderValue(value));
  if (!m) return undefined;
  const [, ak, list, signature] = m as unknown as [string, string, string, string];
  const signedHeaders = list.split(';');
  let normalized: string[];
  try {
    normalized = normalizeSignedHeaderNames(signedHeaders);
  } catch {
    return undefined;
  }
  // The list is part of what was signed; a non-canonical spelling of it is not ours to repair.
  if (normalized.join(';') !== list) return undefined;
  return { ak, signedHeaders, signature };
}

/** Equal-time comparison of strings of any length (hashing first hides the lengths). */
function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(a), 'hex'), Buffer.from(sha256Hex(b), 'hex'));
}

/**
 * Server side: recomputes the signature from the request as received. lookup returns the SK (and
 * the token, when the AK is temporary) for an AK. Order of checks: missing → malformed →
 * unknown-ak → expired → token → signature. Never throws on request input.
 */
export function verify(
  req: SignableRequest,
  lookup: (ak: string) => { sk: string; securityToken?: string } | undefined,
  opts: { now?: Date; maxSkewMs?: number } = {},
): VerifyResult {
  let headers: Map<string, string>;
  try {
    headers = lowerCaseHeaders(req.headers);
  } catch {
    return fail('malformed');
  }
  const authorization = headers.get('authorization');
  const dateHeader = headers.get('x-sdk-date');
  if (authorization === undefined || dateHeader === undefined) return fail('missing');

  const auth = parseAuthorization(authorization);
  const sdkDate = trimHeaderValue(dateHeader);
  const signedAt = parseSdkDate(sdkDate);
  if (!auth || !signedAt) return fail('malformed');
  const signed = auth.signedHeaders;
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) return fail('malformed');
  if (signed.some((name) => name !== 'host' && !headers.has(name))) return fail('malformed');

  const entry = lookup(auth.ak);
  if (!entry) return fail('unknown-ak');
  if (typeof entry.sk !== 'string' || entry.sk === '') throw new Error('verify: lookup returned an unusable SK');

  const now = (opts.now ?? new Date()).getTime();
  if (Math.abs(now - signedAt.getTime()) > (opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) return fail('expired');

  const token = headers.get('x-security-token');
  if (entry.securityToken) {
    if (token === undefined) return fail('missing');
    if (!signed.includes('x-security-token')) return fail('malformed');
    if (!safeEqual(trimHeaderValue(token), entry.securityToken)) return fail('mismatch');
  } else if (token !== undefined) {
    // A token beside a permanent AK means the caller holds other credentials than we think.
    return fail('mismatch');
  }

  let canonical: string;
  try {
    canonical = buildCanonicalRequest(req.method, req.url, headers, signed, req.body);
  } catch {
    return fail('malformed');
  }
  const expected = hmacSha256Hex(entry.sk, stringToSign(sdkDate, canonical));
  const ok = timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(auth.signature, 'hex'));
  return ok ? { ok: true, ak: auth.ak } : fail('mismatch');
}
