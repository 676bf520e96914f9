import type { EnhancedConnection } from '@dsc/api-types';
import { apiRequest } from '../../lib/api-client.ts';
import { applyClientView, type ClientView } from './list-view.ts';
import { toListQuery, type ConnectionListParams } from './queries.ts';

/** Rows per request while exporting: small enough to show progress, large enough to be quick. */
export const EXPORT_PAGE_SIZE = 100;

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

function poolNames(c: EnhancedConnection): string {
  return (c.elastic_resource_pools ?? [])
    .map((p) => (typeof p === 'string' ? p : typeof p.name === 'string' ? p.name : ''))
    .filter(Boolean)
    .join('; ');
}

export function connectionCsvRow(c: EnhancedConnection): Record<(typeof CSV_FIELDS)[number], string | number> {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    create_time_utc: Number.isFinite(c.create_time) ? new Date(c.create_time).toISOString() : '',
    dest_vpc_id: c.dest_vpc_id,
    dest_network_id: c.dest_network_id,
    host_count: c.hosts.length,
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
 * a formula.
 */
export async function buildConnectionsCsv(rows: readonly EnhancedConnection[]): Promise<string> {
  // Loaded on export only, so the CSV writer stays out of the list page's first paint.
  const { default: Papa } = await import('papaparse');
  const csv = Papa.unparse(
    { fields: [...CSV_FIELDS], data: rows.map(connectionCsvRow) },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  // Papa ends a header-only file with a newline; every other file has none.
  return `\uFEFF${csv.replace(/\r\n$/, '')}`;
}

export interface ExportProgress {
  fetched: number;
  total: number;
}

/**
 * Every connection matching the upstream filters, fetched page by page in order (never in
 * parallel: the upstream throttles), then filtered and sorted as the list is.
 */
export async function fetchConnectionsForExport(
  filters: Omit<ConnectionListParams, 'page' | 'pageSize'>,
  view: ClientView,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (p: ExportProgress) => void },
): Promise<EnhancedConnection[]> {
  const all: EnhancedConnection[] = [];
  for (let page = 1; ; page++) {
    signal.throwIfAborted();
    const res = await apiRequest('dli.listEnhancedConnections', {
      query: toListQuery({ ...filters, page, pageSize: EXPORT_PAGE_SIZE }),
      signal,
    });
    all.push(...res.connections);
    onProgress({ fetched: all.length, total: Math.max(res.count, all.length) });
    // A short page is the last one, even if connections were added or removed meanwhile.
    if (res.connections.length < EXPORT_PAGE_SIZE || all.length >= res.count) break;
  }
  return applyClientView(dedupeById(all), view);
}

// Paging by offset while rows are created can show one row on two pages.
function dedupeById(rows: EnhancedConnection[]): EnhancedConnection[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
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
