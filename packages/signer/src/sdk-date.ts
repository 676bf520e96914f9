// X-Sdk-Date is UTC in the ISO 8601 basic form YYYYMMDDTHHMMSSZ (no fraction, no offset).

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

// Every upstream call formats the current second; most calls in a second share it.
let lastSecond = Number.NaN;
let lastText = '';

export function formatSdkDate(d: Date): string {
  const ms = d.getTime();
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastText;
  const text = Number.isNaN(ms) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  if (!SDK_DATE.test(text)) throw new RangeError('formatSdkDate: date is invalid or outside years 0000-9999');
  lastSecond = second;
  lastText = text;
  return text;
}

/** Strict: the exact basic format and a real calendar time (20190230T000000Z is rejected). */
export function parseSdkDate(s: string): Date | undefined {
  const m = SDK_DATE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, 0);
  // Out-of-range fields (month 13, second 60) roll over, so the round trip exposes them.
  return formatSdkDate(date) === s ? date : undefined;
}
