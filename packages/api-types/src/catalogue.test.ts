import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { catalogue } from './catalogue.ts';
import { bffPath, operationIds, upstreamPath } from './operations.ts';
import { ROLES } from './roles.ts';

const placeholders = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[1]).sort();

describe('operation catalogue', () => {
  it('covers every upstream operation in upstream-api.md', () => {
    expect(operationIds).toHaveLength(25);
  });

  it.each(operationIds)('%s: route and upstream name the same parameters as its params schema', (id) => {
    const op = catalogue[id];
    const bff = placeholders(op.path, /:([a-z_]+)/g);
    const up = placeholders(op.upstream, /\{([a-z_]+)\}/g).filter((p) => p !== 'project_id');
    const schemaKeys = Object.keys((op.params as z.ZodObject).shape).sort();
    expect(bff).toEqual(up);
    expect(schemaKeys).toEqual(bff);
    expect(op.upstream).toContain('{project_id}');
    expect(op.path.startsWith(`/api/${op.service}/`)).toBe(true);
    expect(ROLES).toContain(op.role);
  });

  it('has one operation per method and BFF path', () => {
    const keys = operationIds.map((id) => `${catalogue[id].method} ${catalogue[id].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('mutations need at least operator; reads need viewer', () => {
    for (const id of operationIds) {
      const op = catalogue[id];
      expect(op.role).toBe(op.method === 'GET' ? 'viewer' : 'operator');
    }
  });

  it('builds paths with every segment encoded, project id from the server', () => {
    const op = catalogue['dli.getEnhancedConnection'];
    expect(bffPath(op, { connection_id: 'a/b' })).toBe('/api/dli/enhanced-connections/a%2Fb');
    expect(upstreamPath(op, { connection_id: 'abc' }, 'p1')).toBe('/v2.0/p1/datasource/enhanced-connections/abc');
    expect(() => upstreamPath(op, {}, 'p1')).toThrow(/connection_id/);
  });

  it('rejects path ids that could escape their segment', () => {
    const params = catalogue['dli.getEnhancedConnection'].params;
    for (const bad of ['..', '.', 'a/b', 'a%2Fb', 'a\u0000', '', 'x'.repeat(129)]) {
      expect(params.safeParse({ connection_id: bad }).success, bad).toBe(false);
    }
    expect(params.safeParse({ connection_id: '2a620c33-5609-40c9-affd-2b6453071b0f' }).success).toBe(true);
  });
});
