/**
 * Control characters (C0 other than tab, line feed and carriage return; DEL; C1) and lone UTF-16
 * surrogates. No cloud field needs them; they hide text in logs and consoles and some gateways
 * mangle them, so every string the browser sends is checked for them before any schema.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain control characters or broken Unicode';

/** Field paths (`hosts.3.name`, `query.name`, `params.connection_id`) whose strings hold unsafe text. */
export function unsafeTextPaths(value: unknown, prefix: string, out: Record<string, string> = {}, depth = 0): Record<string, string> {
  if (depth > 64) return out;
  if (typeof value === 'string') {
    if (UNSAFE.test(value)) out[prefix || '(root)'] = UNSAFE_TEXT_MESSAGE;
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (UNSAFE.test(k)) out[path] = UNSAFE_TEXT_MESSAGE;
    unsafeTextPaths(v, path, out, depth + 1);
  }
  return out;
}
