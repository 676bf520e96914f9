import { describe, expect, it } from 'vitest';
import { bffPath, catalogue } from '@dsc/api-types';
import { operations } from '../operations.ts';
import { createOperationMatcher } from './operation-matcher.ts';

const match = createOperationMatcher(operations);

describe('createOperationMatcher', () => {
  it('finds every catalogue operation by its method and path, with decoded parameters', () => {
    for (const op of operations) {
      const params = Object.fromEntries(
        [...op.def.path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, `v ${name}/é`]),
      );
      const path = op.def.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name]!));
      const found = match(op.def.method, path);
      expect(found).toEqual({ kind: 'operation', op, params });
    }
  });

  it('follows Express: literals ignore case, one trailing slash is fine, HEAD runs GET', () => {
    const list = catalogue['dli.listEnhancedConnections'];
    expect(match('GET', list.path.toUpperCase())).toMatchObject({ kind: 'operation', op: { id: 'dli.listEnhancedConnections' } });
    expect(match('GET', `${list.path}/`)).toMatchObject({ kind: 'operation', op: { id: 'dli.listEnhancedConnections' } });
    expect(match('HEAD', list.path)).toMatchObject({ kind: 'operation', op: { id: 'dli.listEnhancedConnections' } });
  });

  it('answers 405 with what the path allows, and nothing for unknown paths', () => {
    const list = catalogue['dli.listEnhancedConnections'];
    const found = match('PATCH', list.path);
    expect(found.kind).toBe('method-not-allowed');
    if (found.kind === 'method-not-allowed') expect(found.allow).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST']));
    expect(match('GET', '/api/nothing-here')).toEqual({ kind: 'none' });
    expect(match('GET', `${list.path}/a/b/c`)).toEqual({ kind: 'none' });
    expect(match('GET', `${list.path}//`)).toEqual({ kind: 'none' });
  });

  it('throws URIError for a parameter that is not valid percent-encoding, as Express does', () => {
    const get = operations.find((o) => o.def.method === 'GET' && o.def.path.includes(':'))!;
    expect(() => match('GET', get.def.path.replace(/:\w+/, '%FF'))).toThrow(URIError);
  });

  it('matches the paths bffPath builds', () => {
    const path = bffPath(catalogue['dli.getEnhancedConnection'], { connection_id: 'a b' });
    expect(match('GET', path)).toMatchObject({ kind: 'operation', params: { connection_id: 'a b' } });
  });
});
