import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.ts';
import { pathId } from './primitives.ts';
import { isPathId, operationIds, operations } from './meta.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module a file loads at run time (type-only imports are erased), transitively. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  for (const spec of specs) {
    const target = spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
    if (seen.has(target)) continue;
    seen.add(target);
    if (spec.startsWith('.')) runtimeImports(target, seen);
  }
  return seen;
}

describe("'@dsc/api-types/meta' (the zod-free entry)", () => {
  it('loads no zod, directly or through another module', () => {
    const loaded = runtimeImports(resolve(here, 'meta.ts'));
    expect([...loaded].filter((m) => !m.startsWith(here))).toEqual([]);
    expect([...loaded].map((m) => m.slice(here.length + 1)).sort()).toEqual(['network.ts', 'operations.ts', 'roles.ts', 'values.ts']);
  });

  it('the walk above does see a zod import where there is one', () => {
    expect(runtimeImports(resolve(here, 'catalogue.ts'))).toContain('zod');
  });

  it('describes the same operations as the catalogue, which adds only schemas', () => {
    expect(Object.keys(catalogue)).toEqual(operationIds);
    for (const id of operationIds) {
      const { params, query, body, response, ...rest } = catalogue[id];
      expect(rest, id).toEqual(operations[id]);
      expect(params, id).toBeDefined();
      expect(response, id).toBeDefined();
      void query;
      void body;
    }
  });

  it('isPathId agrees with the pathId schema', () => {
    for (const v of ['abc', 'A-1_b.c', '2a620c33-5609-40c9-affd-2b6453071b0f', 'x'.repeat(128), '', '.', '..', '-a', 'a/b', 'a%2Fb', 'a\u0000', 'x'.repeat(129), ' a']) {
      expect(isPathId(v), JSON.stringify(v)).toBe(pathId.safeParse(v).success);
    }
  });
});
