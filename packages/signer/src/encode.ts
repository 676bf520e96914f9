// The provider's percent-encoding: every byte of the UTF-8 form except A–Z a–z 0–9 _ - ~ .
// becomes %XX with upper-case hex. Decoding works on bytes, so an escape that is not valid
// UTF-8 (%FF) survives a decode/encode round trip unchanged instead of turning into U+FFFD.

const UNRESERVED = new Uint8Array(256);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~.') {
  UNRESERVED[ch.charCodeAt(0)] = 1;
}
const HEX_UPPER = Array.from({ length: 256 }, (_, b) => '%' + b.toString(16).toUpperCase().padStart(2, '0'));

const utf8 = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

export function percentEncode(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? utf8Bytes(input) : input;
  let out = '';
  for (const b of bytes) out += UNRESERVED[b] === 1 ? String.fromCharCode(b) : HEX_UPPER[b];
  return out;
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Percent-decodes to raw bytes. A '%' not followed by two hex digits is kept as a literal '%'
 * (as WHATWG URL parsing keeps it). `plusIsSpace` applies form decoding, used for the query.
 */
export function percentDecode(raw: string, plusIsSpace: boolean): Uint8Array {
  const src = utf8Bytes(raw);
  const out = new Uint8Array(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x25) {
      const hi = hexValue(src[i + 1]);
      const lo = hexValue(src[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = plusIsSpace && c === 0x2b ? 0x20 : c;
  }
  return out.subarray(0, n);
}

/** Byte-wise order (what Go's sort.Strings gives on the decoded UTF-8). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
