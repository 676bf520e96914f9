export interface FormattedDateTime {
  /** In the viewer's time zone and language. */
  local: string;
  /** The same instant in UTC, for tooltips and for comparing with upstream logs. */
  utc: string;
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
    iso: date.toISOString(),
  };
}

export function formatTime(epochMs: number, locale: string): string {
  return dateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(epochMs));
}
