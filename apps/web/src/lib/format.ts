export interface FormattedDateTime {
  /** In the viewer's time zone and language. */
  local: string;
  /** The same instant in UTC, for tooltips and for comparing with upstream logs. */
  utc: string;
  iso: string;
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
    local: new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(
      date,
    ),
    utc: `${new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date)} UTC`,
    iso: date.toISOString(),
  };
}

export function formatTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(epochMs));
}
