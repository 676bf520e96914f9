export type AuditRecord = Readonly<Record<string, unknown>>;

function isRecord(v: unknown): v is AuditRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The audit trail's body shape belongs to the BFF; until this page is built against it, take the
 * body itself when it is an array, else its first array-of-objects member (`entries`, `items`, …).
 */
export function extractRecords(body: unknown): AuditRecord[] {
  if (Array.isArray(body)) return body.filter(isRecord);
  if (isRecord(body)) {
    for (const value of Object.values(body)) {
      if (Array.isArray(value) && value.some(isRecord)) return value.filter(isRecord);
    }
  }
  return [];
}

/** Every key that appears in any record, in first-seen order. */
export function recordKeys(records: readonly AuditRecord[]): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
