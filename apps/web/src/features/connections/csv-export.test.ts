import type { EnhancedConnection } from '@dsc/api-types';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import {
  CSV_FIELDS,
  EXPORT_PAGE_SIZE,
  buildConnectionsCsv,
  exportFilename,
  fetchConnectionsForExport,
  type ExportProgress,
} from './csv-export.ts';

const conn = (n: number, extra: Partial<EnhancedConnection> = {}): EnhancedConnection => ({
  id: `id-${n}`,
  name: `conn_${String(n).padStart(4, '0')}`,
  status: 'ACTIVE',
  dest_vpc_id: `vpc-${n}`,
  dest_network_id: `subnet-${n}`,
  create_time: Date.UTC(2024, 0, 1) + n * 60_000,
  hosts: [{ name: 'h1', ip: '10.0.0.1' }],
  available_queue_info: [],
  ...extra,
});

describe('buildConnectionsCsv', () => {
  it('writes a header and one row per connection, quoting what needs it', async () => {
    const csv = await buildConnectionsCsv([
      conn(1, {
        available_queue_info: [
          { name: 'q_a', status: 'active' },
          { name: 'q_b', status: 'FAILED', err_msg: 'Subnet "x", no free IP' },
        ],
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'sre' },
        ],
        elastic_resource_pools: [{ name: 'pool_a' }],
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_FIELDS.join(','));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.data).toEqual([
      {
        id: 'id-1',
        name: 'conn_0001',
        status: 'ACTIVE',
        create_time_utc: '2024-01-01T00:01:00.000Z',
        dest_vpc_id: 'vpc-1',
        dest_network_id: 'subnet-1',
        host_count: '1',
        queues: 'q_a:ACTIVE; q_b:FAILED',
        queue_errors: 'q_b: Subnet "x", no free IP',
        elastic_resource_pools: 'pool_a',
        tags: 'env=prod; team=sre',
      },
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const csv = await buildConnectionsCsv([
      conn(2, { available_queue_info: [{ name: 'q', status: 'FAILED', err_msg: '=HYPERLINK("x")' }] }),
    ]);
    const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!;
    expect(row.queue_errors).toBe('q: =HYPERLINK("x")'); // not at the start: harmless
    const lead = await buildConnectionsCsv([conn(3, { name: '@SUM(A1)' } as Partial<EnhancedConnection>)]);
    expect(Papa.parse<Record<string, string>>(lead.slice(1), { header: true }).data[0]!.name).toBe(
      "'@SUM(A1)",
    );
  });

  it('neutralises every formula-like cell, multi-line, after whitespace, tab, CR and full-width variants', async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example/","click")\n',
      "-1+cmd|' /C calc'!A0\r\n",
      '+1\nsecond line',
      '@SUM(A1)\r\nx',
      '\tleading tab',
      '\rleading CR',
      '  =1+1',
      '\n=1+1',
      '\u3000=1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      ' ＝1',
    ];
    for (const value of hostile) {
      const csv = await buildConnectionsCsv([
        conn(4, { name: value, available_queue_info: [{ name: 'q', status: 'FAILED', err_msg: 'x' }], dest_vpc_id: value } as Partial<EnhancedConnection>),
      ]);
      const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!;
      expect(row.name, JSON.stringify(value)).toBe(`'${value}`);
      expect(row.dest_vpc_id, JSON.stringify(value)).toBe(`'${value}`);
    }
    // Not formulas: left alone.
    for (const value of ['conn_1', 'a=b', 'x-1', 'mail@example.com']) {
      const csv = await buildConnectionsCsv([conn(5, { name: value } as Partial<EnhancedConnection>)]);
      expect(Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!.name).toBe(value);
    }
    const queue = await buildConnectionsCsv([conn(6, { available_queue_info: [{ name: '=q', status: 'FAILED', err_msg: '\n=evil' }] })]);
    const row = Papa.parse<Record<string, string>>(queue.slice(1), { header: true }).data[0]!;
    expect(row.queues).toBe("'=q:FAILED");
    expect(row.queue_errors).toBe("'=q: \n=evil");
  });

  it('gives just the header for no rows', async () => {
    expect(await buildConnectionsCsv([])).toBe(`\uFEFF${CSV_FIELDS.join(',')}`);
  });

  it('names the file after the moment, without characters file systems refuse', () => {
    expect(exportFilename(new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 123)))).toBe(
      'enhanced-connections-2024-05-06T070809Z.csv',
    );
  });
});

describe('fetchConnectionsForExport', () => {
  const TOTAL = 250;
  const all = Array.from({ length: TOTAL }, (_, i) =>
    conn(i, {
      available_queue_info: [{ name: 'q', status: i % 10 === 0 ? 'FAILED' : 'ACTIVE' }],
    }),
  );

  it('fetches every page in order with the same upstream filters, then applies the list view', async () => {
    const { requests } = mockFetch((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      const limit = Number(req.url.searchParams.get('limit'));
      return jsonResponse({ count: TOTAL, connections: all.slice(offset, offset + limit) });
    });
    const progress: ExportProgress[] = [];
    const rows = await fetchConnectionsForExport(
      { name: 'conn', tags: 'env=prod' },
      { queues: 'FAILED', sort: 'name' },
      { signal: new AbortController().signal, onProgress: (p) => progress.push(p) },
    );
    expect(requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual(
      [0, 100, 200].map((offset) => ({
        limit: String(EXPORT_PAGE_SIZE),
        offset: String(offset),
        name: 'conn',
        tags: 'env=prod',
      })),
    );
    expect(progress).toEqual([
      { fetched: 100, total: TOTAL },
      { fetched: 200, total: TOTAL },
      { fetched: 250, total: TOTAL },
    ]);
    expect(rows).toHaveLength(25);
    expect(rows[0]!.name).toBe('conn_0000');
    expect(rows.every((r) => r.available_queue_info[0]!.status === 'FAILED')).toBe(true);
  });

  it('stops at a short page even when the count was stale, and drops rows seen twice', async () => {
    const { requests } = mockFetch((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      // A connection created meanwhile shifts the second page by one.
      const shifted = offset === 0 ? all.slice(0, 100) : all.slice(99, 150);
      return jsonResponse({ count: 400, connections: shifted });
    });
    const rows = await fetchConnectionsForExport(
      {},
      { sort: 'created' },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    expect(requests).toHaveLength(2);
    expect(rows).toHaveLength(150);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    const { requests } = mockFetch((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      if (offset === 100) ac.abort();
      return jsonResponse({ count: TOTAL, connections: all.slice(offset, offset + 100) });
    });
    await expect(
      fetchConnectionsForExport({}, { sort: 'name' }, { signal: ac.signal, onProgress: () => {} }),
    ).rejects.toThrow();
    expect(requests).toHaveLength(2);
  });
});
