/**
 * Request bodies carry passwords (MRS `source_info.password`, DWS `user_pwd`); the request log
 * must not hand them back. Bodies without secrets are logged byte for byte; bodies with secrets
 * are re-serialised with each secret replaced by a marker (`bodyRedacted: true`), and
 * `bodySha256` — always of the exact bytes — still proves what was sent.
 */
const SECRET_KEYS = new Set(['password', 'user_pwd', 'sk', 'secret_key', 'security_token', 'securitytoken']);
export const REDACTED = '[redacted]';

function scrub(value: unknown, found: { any: boolean }): unknown {
  if (Array.isArray(value)) return value.map((v) => scrub(v, found));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(k.toLowerCase()) && typeof v === 'string') {
      out[k] = REDACTED;
      found.any = true;
    } else if (k === 'source_info' && typeof v === 'string') {
      out[k] = scrubJsonString(v, found);
    } else {
      out[k] = scrub(v, found);
    }
  }
  return out;
}

function scrubJsonString(text: string, found: { any: boolean }): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const inner = { any: false };
  const scrubbed = scrub(parsed, inner);
  if (!inner.any) return text;
  found.any = true;
  return JSON.stringify(scrubbed);
}

export function redactBody(text: string): { text: string; redacted: boolean } {
  const found = { any: false };
  const scrubbed = scrubJsonString(text, found);
  return found.any ? { text: scrubbed, redacted: true } : { text, redacted: false };
}
