import { buildCanonicalRequest, normalizeSignedHeaderNames } from './canonical.ts';
import { ALGORITHM, hmacSha256Hex, stringToSign } from './digest.ts';
import { lowerCaseHeaders } from './headers.ts';
import { formatSdkDate } from './sdk-date.ts';
import type { Credentials, RequestToSign } from './types.ts';

/** Signed whenever the request carries them (host and x-sdk-date always are). */
const SIGNED_WHEN_PRESENT = ['content-type', 'x-project-id', 'x-security-token'];

// An AK ends up inside the Authorization header, so it must not break that header's syntax.
const AK_SHAPE = /^[A-Za-z0-9_.~-]+$/;

function assertCredentials(creds: Credentials): void {
  // Messages name the field only: a credential value must never reach an error or a log.
  if (typeof creds.ak !== 'string' || !AK_SHAPE.test(creds.ak)) throw new Error('sign: credentials.ak is empty or malformed');
  if (typeof creds.sk !== 'string' || creds.sk === '') throw new Error('sign: credentials.sk is empty or not a string');
  if (creds.securityToken !== undefined && typeof creds.securityToken !== 'string') {
    throw new Error('sign: credentials.securityToken is not a string');
  }
}

export function authorizationHeader(ak: string, signedHeaderNames: readonly string[], signature: string): string {
  return `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaderNames.join(';')}, Signature=${signature}`;
}

/**
 * Returns the headers to add: 'X-Sdk-Date', 'Authorization', and 'X-Security-Token' when creds
 * have one. They replace any same-named header in req.headers (whatever its case), so the
 * caller must send them instead of, not beside, such a header. Signs host, content-type (when
 * present), x-sdk-date, x-project-id and x-security-token (when present), plus
 * opts.signedHeaders. Throws (naming the header, never a value) if one of those is missing.
 */
export function sign(
  req: RequestToSign,
  creds: Credentials,
  opts: { now?: Date; signedHeaders?: string[] } = {},
): Record<string, string> {
  assertCredentials(creds);
  const sdkDate = formatSdkDate(opts.now ?? new Date());
  const added: Record<string, string> = { 'X-Sdk-Date': sdkDate };
  if (creds.securityToken) added['X-Security-Token'] = creds.securityToken;

  const sent = lowerCaseHeaders(req.headers);
  for (const [name, value] of Object.entries(added)) sent.set(name.toLowerCase(), value);

  const signed = normalizeSignedHeaderNames([
    'host',
    'x-sdk-date',
    ...SIGNED_WHEN_PRESENT.filter((name) => sent.has(name)),
    ...(opts.signedHeaders ?? []),
  ]);
  const canonical = buildCanonicalRequest(req.method, req.url, sent, signed, req.body);
  const signature = hmacSha256Hex(creds.sk, stringToSign(sdkDate, canonical));
  return { ...added, Authorization: authorizationHeader(creds.ak, signed, signature) };
}
