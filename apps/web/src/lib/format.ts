export interface FormattedDateTime {
  /** In the viewer's time zone and language. */
  local: string;
  /** The same instant in UTC, for tooltips and for comparing with upstream logs. */
  utc: string;
  /** `local` with its time zone named ("GMT+8"), for tooltips. */
  zoned: string;
  iso: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Constructing an Intl.DateTimeFormat costs far more than formatting with one, and a long list
 * formats two dates per row on every render: one instance per locale and options is kept.
 */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Accepts epoch milliseconds (DLI, MRS) or an ISO string (DWS); anything unparseable gives undefined. */
export function formatDateTime(
  value: number | string | null | undefined,
  locale: string,
  timeZone?: string,
): FormattedDateTime | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  return {
    local: dateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(date),
    utc: `${dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date)} UTC`,
    zoned: dateTimeFormat(locale, { ...options, timeStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(date),
    iso: date.toISOString(),
  };
}

export function formatTime(epochMs: number, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(epochMs));
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
/** Within this distance from now a time reads better as "5 minutes ago"; further, as a date. */
export const RELATIVE_WITHIN_MS = 7 * 24 * 3_600_000;
const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "in 2 hours", "yesterday"; undefined a week or more away (a date says more then). */
export function formatRelativeTime(epochMs: number, now: number, locale: string): string | undefined {
  const diff = epochMs - now;
  if (!Number.isFinite(diff) || Math.abs(diff) >= RELATIVE_WITHIN_MS) return undefined;
  let rtf = relativeFormatters.get(locale);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(locale, rtf);
  }
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  // Under a minute: "now" (numeric 'auto' words 0 seconds so); seconds would tick for nothing.
  return rtf.format(0, 'second');
}
