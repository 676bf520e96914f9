import type { AuditEntry } from '@dsc/api-types';
import i18next from 'i18next';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { AUDIT_CSV_FIELDS, auditExportFilename, buildAuditCsv, fetchAuditForExport } from './audit-csv.ts';
import en from './i18n/en.json';
import operations from './operation-names/en.json';

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: new Date(Date.UTC(2025, 2, 2, 10, 0, 60 - i)).toISOString(),
  requestId: `req-${i}`,
  user: 'otto',
  role: 'operator',
  sourceAddress: '10.0.0.7',
  operation: 'dli.createEnhancedConnection',
  target: 'prod',
  targetIds: {},
  outcome: 'success',
  httpStatus: 200,
  ...over,
});

async function enT() {
  const i18n = i18next.createInstance();
  await i18n.init({ showSupportNotice: false, lng: 'en', resources: { en: { audit: { ...en, operations } } } });
  return i18n.getFixedT('en', 'audit');
}

describe('audit CSV', () => {
  it('has one row per entry, stable columns, absolute UTC times and the readable operation', async () => {
    const csv = await buildAuditCsv(
      [
        entry(1, { time: '2025-03-02T18:15:30+08:00', created: { id: 'c-9', name: 'sales_db' }, upstream: { status: 200, requestId: 'up-1' } }),
        entry(2, { operation: 'dli.replaceHosts', targetIds: { connection_id: 'c-9' }, outcome: 'failure', httpStatus: 502, errorCode: 'UPSTREAM_ERROR' }),
      ],
      await enT(),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.meta.fields).toEqual([...AUDIT_CSV_FIELDS]);
    expect(parsed.data[0]).toMatchObject({
      time: '2025-03-02T10:15:30.000Z',
      operation: 'dli.createEnhancedConnection',
      operation_name: 'Create enhanced connection',
      target: 'prod',
      created_name: 'sales_db',
      created_id: 'c-9',
      upstream_status: '200',
      upstream_request_id: 'up-1',
      request_id: 'req-1',
    });
    expect(parsed.data[1]).toMatchObject({ target_ids: 'connection_id=c-9', outcome: 'failure', http_status: '502', error_code: 'UPSTREAM_ERROR' });
  });

  it('neutralises formula-like cells with the same rule as every export', async () => {
    const csv = await buildAuditCsv([entry(1, { user: '=HYPERLINK("x")', created: { name: '＋cmd' } })], await enT());
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'＋cmd`);
  });

  it('fetches every matching entry in pages of 500, pinned to the first page, each once', async () => {
    const all = Array.from({ length: 1_200 }, (_, i) => entry(i, { time: new Date(Date.UTC(2025, 2, 2) - i * 1000).toISOString() }));
    const { requests } = mockFetch((req) => {
      const q = Object.fromEntries(req.url.searchParams);
      const offset = Number(q.offset);
      // An entry written while the export runs shows up again at the edge of the next page.
      const entries = all.slice(offset === 0 ? 0 : offset - 1, offset + Number(q.limit));
      return jsonResponse({ entries: offset === 0 ? entries : entries.slice(0, 500), total: all.length });
    });
    const got = await fetchAuditForExport({ user: 'otto', target: 'prod' }, { signal: new AbortController().signal });
    expect(got.total).toBe(1_200);
    expect(got.entries.map((e) => e.requestId)).toEqual(all.map((e) => e.requestId));
    const queries = requests.map((r) => Object.fromEntries(r.url.searchParams));
    expect(queries.map((q) => q.offset)).toEqual(['0', '500', '1000']);
    expect(queries[0]).toEqual({ user: 'otto', target: 'prod', limit: '500', offset: '0' });
    expect(queries[1]).toMatchObject({ user: 'otto', target: 'prod', to: all[0]!.time });
  });

  it('names the file after the moment, in UTC', () => {
    expect(auditExportFilename(new Date('2025-03-02T10:15:30.123Z'))).toBe('audit-trail-2025-03-02T101530Z.csv');
  });
});
