// Header names are case-insensitive; the canonical form is lower case. Values are trimmed of
// HTTP optional whitespace (space, tab) only, because that is exactly what the wire drops: a
// receiver never sees it. Inner runs are kept as they are, as the provider's signers do
// (its Go SDK uses strings.TrimSpace, its Node SDK does not even trim; neither collapses).

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

export function isHeaderName(lowerName: string): boolean {
  return TOKEN.test(lowerName);
}

export function trimHeaderValue(value: string): string {
  // Nearly every value has nothing to trim; the regex ran over a 900-character security token.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first !== 0x20 && first !== 0x09 && last !== 0x20 && last !== 0x09) return value;
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Lower-cased view of a header record. Throws on two names that differ only in case. */
export function lowerCaseHeaders(headers: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    // Runtime guard for callers that hand over node's IncomingHttpHeaders (undefined, arrays).
    if (typeof value !== 'string') continue;
    const lower = name.toLowerCase();
    if (out.has(lower)) throw new Error(`header "${lower}" is given more than once (names differ only in case)`);
    out.set(lower, value);
  }
  return out;
}
