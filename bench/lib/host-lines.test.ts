import { CreateEnhancedConnectionBody } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { createBody, hostEntries, hostLines } from './host-lines.ts';

describe('host entries', () => {
  it('are unique and valid for the create operation at the 20,000 maximum, about 1 MB as JSON', () => {
    const body = createBody(20_000);
    expect(CreateEnhancedConnectionBody.safeParse(body).success).toBe(true);
    const entries = hostEntries(20_000);
    expect(new Set(entries.map((h) => h.name)).size).toBe(20_000);
    expect(new Set(entries.map((h) => h.ip)).size).toBe(20_000);
    const bytes = Buffer.byteLength(JSON.stringify(body));
    expect(bytes).toBeGreaterThan(900_000);
    expect(bytes).toBeLessThan(1_600_000);
  });

  it('paste as one "ip name" line per host', () => {
    expect(hostLines(2).split('\n')).toEqual([
      '10.0.0.1 host-00001.dc1.example.internal',
      '10.0.0.2 host-00002.dc2.example.internal',
    ]);
    expect(hostLines(255).split('\n')[254]).toBe('10.0.1.1 host-00255.dc3.example.internal');
  });
});
