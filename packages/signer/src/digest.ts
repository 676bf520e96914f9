import * as crypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';

// Node's one-shot digest (20.12+, 22+): half the cost of a Hash object for the few hundred bytes
// of a canonical request. Looked up, not imported, so an older runtime still loads the module.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export const ALGORITHM = 'SDK-HMAC-SHA256';

export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: Uint8Array | string): string {
  // Every GET and DELETE signs an empty body.
  if (data.length === 0) return EMPTY_BODY_SHA256;
  return oneShotHash ? oneShotHash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

export function stringToSign(sdkDate: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequestText)}`;
}

export function hmacSha256Hex(sk: string, text: string): string {
  return createHmac('sha256', sk).update(text).digest('hex');
}
