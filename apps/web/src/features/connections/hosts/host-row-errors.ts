import type { RowFieldErrors } from './host-rows.tsx';

/** Per-row messages out of react-hook-form's sparse error array for a `hosts` field. */
export function hostRowErrors(errors: unknown): (RowFieldErrors | undefined)[] | undefined {
  if (!errors || typeof errors !== 'object') return undefined;
  const out: (RowFieldErrors | undefined)[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!/^\d+$/.test(key) || !value || typeof value !== 'object') continue;
    const row = value as { name?: { message?: string }; ip?: { message?: string } };
    out[Number(key)] = { name: row.name?.message, ip: row.ip?.message };
  }
  return out;
}
