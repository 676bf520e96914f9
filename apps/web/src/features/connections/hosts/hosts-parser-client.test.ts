import { describe, expect, it } from 'vitest';
import { createHostsParser } from './hosts-parser-client.ts';

describe('createHostsParser without a worker', () => {
  it('reads the text and checks the entries with the catalogue schema', async () => {
    const parser = createHostsParser({ useWorker: false });
    const r = await parser.parse('10.0.0.1 db01 db01.internal\n10.0.0.300 bad\n');
    expect(r.hosts).toEqual([
      { name: 'db01', ip: '10.0.0.1' },
      { name: 'db01.internal', ip: '10.0.0.1' },
    ]);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'invalidIp']]);
    // The lines with problems are left out; what is kept passes the schema the BFF applies.
    expect(r.schemaIssues).toEqual([]);
    parser.dispose();
  });
});
