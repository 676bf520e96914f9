/**
 * Retry-After as milliseconds to wait: delta-seconds or an HTTP date. An HTTP date is measured
 * against `referenceMs`, which should be the answer's own `Date` header when it has one, so a
 * skewed local clock does not stretch or shrink the wait. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, referenceMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  // Date.parse accepts bare numbers and other oddities; an HTTP date always names a month.
  if (!/^[A-Za-z]{3},? .*\d{2}:\d{2}:\d{2}/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - referenceMs);
}

/** The whole seconds to send on in our own Retry-After (at least 1). */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
