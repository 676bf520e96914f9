import type { ConnectionRow } from '@dsc/api-types';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import {
  CSV_FIELDS,
  buildConnectionsCsv,
  exportFilename,
  fetchConnectionsForExport,
} from './csv-export.ts';

const conn = (n: number, extra: Partial<ConnectionRow> = {}): ConnectionRow => ({
  id: `id-${n}`,
  name: `conn_${String(n).padStart(4, '0')}`,
  status: 'ACTIVE',
  dest_vpc_id: `vpc-${n}`,
  dest_network_id: `subnet-${n}`,
  create_time: Date.UTC(2024, 0, 1) + n * 60_000,
  host_count: 1,
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
    const lead = await buildConnectionsCsv([conn(3, { name: '@SUM(A1)' } as Partial<ConnectionRow>)]);
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
        conn(4, { name: value, available_queue_info: [{ name: 'q', status: 'FAILED', err_msg: 'x' }], dest_vpc_id: value } as Partial<ConnectionRow>),
      ]);
      const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!;
      expect(row.name, JSON.stringify(value)).toBe(`'${value}`);
      expect(row.dest_vpc_id, JSON.stringify(value)).toBe(`'${value}`);
    }
    // Not formulas: left alone.
    for (const value of ['conn_1', 'a=b', 'x-1', 'mail@example.com']) {
      const csv = await buildConnectionsCsv([conn(5, { name: value } as Partial<ConnectionRow>)]);
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
  const rows = Array.from({ length: 25 }, (_, i) => conn(i));

  it('asks the whole-list view for every matching row at once, in the view\'s order', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({ connections: rows, count: 25, total: 250, page: 1, pageSize: 0, asOf: new Date().toISOString() }),
    );
    const got = await fetchConnectionsForExport(
      { name: 'conn', tags: 'env=prod', queues: 'FAILED', sort: 'name' },
      { signal: new AbortController().signal },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.pathname).toBe('/api/views/dli/enhanced-connections');
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toEqual({
      sort: 'name',
      page: '1',
      pageSize: '0',
      queues: 'FAILED',
      name: 'conn',
      tags: 'env=prod',
    });
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    mockFetch(() => jsonResponse({}));
    await expect(fetchConnectionsForExport({ sort: 'name' }, { signal: ac.signal })).rejects.toThrow();
  });
});
