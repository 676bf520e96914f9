import type { AuditEntry, AuditPage, AuditQuery } from '@dsc/api-types';
import { AUDIT_PAGE_MAX } from '@dsc/api-types/meta';
import type { TFunction } from 'i18next';
import { bffRequest } from '../../lib/api-client.ts';
import { loadApiSchemas } from '../../lib/api-schemas.ts';
import { buildCsv } from '../connections/csv-export.ts';
import { operationName } from './operation-name.ts';

/** Column names are the entry's field names, so scripts can rely on them in any UI language. */
export const AUDIT_CSV_FIELDS = [
  'time',
  'user',
  'role',
  'subject',
  'source_address',
  'operation',
  'operation_name',
  'target',
  'created_name',
  'created_id',
  'target_ids',
  'outcome',
  'http_status',
  'error_code',
  'upstream_status',
  'upstream_code',
  'upstream_request_id',
  'request_id',
] as const;

/** More than this is a job for the server's own trail (the file or the database), not a browser download. */
export const AUDIT_EXPORT_MAX = 20_000;

export function auditCsvRow(e: AuditEntry, t: TFunction<'audit'>): Record<(typeof AUDIT_CSV_FIELDS)[number], string | number> {
  return {
    // An absolute instant with its zone (UTC), whatever zone the browser is in.
    time: new Date(e.time).toISOString(),
    user: e.user ?? '',
    role: e.role ?? '',
    subject: e.subject ?? '',
    source_address: e.sourceAddress,
    operation: e.operation,
    operation_name: operationName(t, e.operation),
    target: e.target ?? '',
    created_name: e.created?.name ?? '',
    created_id: e.created?.id ?? '',
    target_ids: Object.entries(e.targetIds)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    outcome: e.outcome,
    http_status: e.httpStatus,
    error_code: e.errorCode ?? '',
    upstream_status: e.upstream?.status ?? '',
    upstream_code: e.upstream?.code ?? '',
    upstream_request_id: e.upstream?.requestId ?? '',
    request_id: e.requestId,
  };
}

export function buildAuditCsv(entries: readonly AuditEntry[], t: TFunction<'audit'>): Promise<string> {
  return buildCsv(AUDIT_CSV_FIELDS, entries.map((e) => auditCsvRow(e, t)));
}

/**
 * Every entry the filters match, newest first, up to AUDIT_EXPORT_MAX, in pages of the BFF's
 * largest. The range ends at the newest entry of the first page, so entries written meanwhile do
 * not shift the later pages; an entry seen twice at that edge is kept once.
 */
export async function fetchAuditForExport(
  filters: Omit<AuditQuery, 'limit' | 'offset'>,
  { signal }: { signal: AbortSignal },
): Promise<{ entries: AuditEntry[]; total: number }> {
  const schema = async () => (await loadApiSchemas()).AuditPage;
  const page = (query: AuditQuery): Promise<AuditPage> =>
    bffRequest({ method: 'GET', path: '/api/audit', query, schema, signal });
  const first = await page({ ...filters, limit: AUDIT_PAGE_MAX, offset: 0 });
  const pinned = { ...filters, ...(first.entries[0] ? { to: first.entries[0].time } : {}) };
  const seen = new Set(first.entries.map((e) => e.requestId));
  const entries = [...first.entries];
  let total = first.total;
  for (let offset = AUDIT_PAGE_MAX; offset < Math.min(total, AUDIT_EXPORT_MAX); offset += AUDIT_PAGE_MAX) {
    const next = await page({ ...pinned, limit: AUDIT_PAGE_MAX, offset });
    total = next.total;
    for (const e of next.entries) {
      if (!seen.has(e.requestId)) {
        seen.add(e.requestId);
        entries.push(e);
      }
    }
    if (next.entries.length < AUDIT_PAGE_MAX) break;
  }
  return { entries: entries.slice(0, AUDIT_EXPORT_MAX), total };
}

export function auditExportFilename(now: Date): string {
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `audit-trail-${stamp}.csv`;
}
