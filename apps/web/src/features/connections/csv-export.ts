import type { ConnectionRow } from '@dsc/api-types';
import { fetchConnectionsView, type ConnectionListParams } from './queries.ts';

/** Column names follow the upstream field names, so scripts can rely on them in any UI language. */
export const CSV_FIELDS = [
  'id',
  'name',
  'status',
  'create_time_utc',
  'dest_vpc_id',
  'dest_network_id',
  'host_count',
  'queues',
  'queue_errors',
  'elastic_resource_pools',
  'tags',
] as const;

function poolNames(c: ConnectionRow): string {
  return (c.elastic_resource_pools ?? [])
    .map((p) => (typeof p === 'string' ? p : typeof p.name === 'string' ? p.name : ''))
    .filter(Boolean)
    .join('; ');
}

export function connectionCsvRow(c: ConnectionRow): Record<(typeof CSV_FIELDS)[number], string | number> {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    create_time_utc: Number.isFinite(c.create_time) ? new Date(c.create_time).toISOString() : '',
    dest_vpc_id: c.dest_vpc_id,
    dest_network_id: c.dest_network_id,
    host_count: c.host_count,
    queues: c.available_queue_info.map((q) => `${q.name}:${q.status.toUpperCase()}`).join('; '),
    queue_errors: c.available_queue_info
      .filter((q) => q.err_msg)
      .map((q) => `${q.name}: ${q.err_msg}`)
      .join('; '),
    elastic_resource_pools: poolNames(c),
    tags: (c.tags ?? []).map((t) => `${t.key}=${t.value}`).join('; '),
  };
}

/**
 * Cells a spreadsheet could read as a formula (OWASP CSV Injection): starting with = + - @, tab
 * or carriage return, also after leading whitespace (some programs trim it) and in the
 * full-width forms ＝ ＋ － ＠ (some convert them). No `$` anchor: papaparse's own pattern
 * (`/^[=+\-@\t\r].*$/`) misses any value with a line break in it, which upstream names and
 * error messages can hold.
 */
export const FORMULA_START = /^(?:[\t\r]|[\s\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * CSV text (RFC 4180, CRLF) with a byte-order mark so spreadsheet programs read UTF-8 names.
 * Cells matching FORMULA_START get a leading `'` (and quotes), so no upstream value can become
 * a formula. The one CSV writer of the console: every export goes through it.
 */
export async function buildCsv<F extends string>(
  fields: readonly F[],
  data: readonly Record<F, string | number>[],
): Promise<string> {
  // Loaded on export only, so the CSV writer stays out of the list page's first paint.
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    { fields: [...fields], data: [...data] },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  // Papa ends a header-only file with a newline; every other file has none.
  return `\uFEFF${csv.replace(/\r\n$/, '')}`;
}

export function buildConnectionsCsv(rows: readonly ConnectionRow[]): Promise<string> {
  return buildCsv(CSV_FIELDS, rows.map(connectionCsvRow));
}

/**
 * Every connection the view matches (all pages), in the view's order: one request, since the
 * BFF holds the whole list and sorts and filters it there.
 */
export async function fetchConnectionsForExport(
  view: Omit<ConnectionListParams, 'page' | 'pageSize'>,
  { signal }: { signal: AbortSignal },
): Promise<ConnectionRow[]> {
  const res = await fetchConnectionsView({ ...view, page: 1, pageSize: 0 }, { signal });
  return res.connections;
}

/** Hands the text to the browser as a file download. */
export function downloadCsv(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function exportFilename(now: Date): string {
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `enhanced-connections-${stamp}.csv`;
}
