import type { HttpMethod } from '@dsc/api-types';
import type { Operation } from '../operations.ts';

type Segment = { literal: string } | { param: string };

interface CompiledPath {
  path: string;
  segments: Segment[];
  /** The operations on this path, by method (GET also answers HEAD, as Express routes do). */
  byMethod: Map<string, Operation>;
  allow: string[];
}

export type OperationMatch =
  | { kind: 'operation'; op: Operation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'none' };

function compile(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => (s.startsWith(':') ? { param: s.slice(1) } : { literal: s.toLowerCase() }));
}

/**
 * Finds the catalogue operation for a request path in one pass over the catalogue's paths, with
 * Express's matching rules (case-insensitive literals, an optional trailing slash, parameters
 * of one or more characters without '/', percent-decoded). It replaces one Express route per
 * operation: walking those layers was the largest single share of the BFF's CPU per request.
 * A path parameter that is not valid percent-encoded UTF-8 throws URIError, as Express's does.
 */
export function createOperationMatcher(operations: readonly Operation[]): (method: string, path: string) => OperationMatch {
  const paths: CompiledPath[] = [];
  for (const op of operations) {
    let entry = paths.find((p) => p.path === op.def.path);
    if (!entry) {
      entry = { path: op.def.path, segments: compile(op.def.path), byMethod: new Map(), allow: [] };
      paths.push(entry);
    }
    entry.byMethod.set(op.def.method, op);
    if (op.def.method === 'GET') entry.byMethod.set('HEAD', op);
  }
  for (const p of paths) {
    const methods = [...p.byMethod.keys()].filter((m) => m !== 'HEAD') as HttpMethod[];
    p.allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  }

  // Candidates by segment count and first two segments (/api/<service>), so a request compares
  // against a handful of paths instead of all of them. Any path not starting with two literals
  // turns the index off: every path is then tried, in order, as before.
  const indexable = paths.every((p) => p.segments.length >= 2 && 'literal' in p.segments[0]! && 'literal' in p.segments[1]!);
  const indexKey = (count: number, first: string, second: string) => `${count}/${first}/${second}`;
  const byPrefix = new Map<string, CompiledPath[]>();
  if (indexable) {
    for (const p of paths) {
      const [a, b] = p.segments as [{ literal: string }, { literal: string }];
      const key = indexKey(p.segments.length, a.literal, b.literal);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), p]);
    }
  }
  const none: CompiledPath[] = [];

  return (method, path) => {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/').slice(1);
    const candidates = indexable
      ? (byPrefix.get(indexKey(parts.length, (parts[0] ?? '').toLowerCase(), (parts[1] ?? '').toLowerCase())) ?? none)
      : paths;
    let allow: string[] | undefined;
    for (const p of candidates) {
      if (p.segments.length !== parts.length) continue;
      let params: Record<string, string> | undefined;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = p.segments[i]!;
        const part = parts[i]!;
        if ('literal' in seg) {
          if (part.toLowerCase() !== seg.literal) {
            ok = false;
            break;
          }
        } else {
          if (part === '') {
            ok = false;
            break;
          }
          (params ??= {})[seg.param] = part;
        }
      }
      if (!ok) continue;
      const op = p.byMethod.get(method);
      // Like Express: a later path that takes this method wins over a 405 from an earlier one.
      if (!op) {
        allow ??= p.allow;
        continue;
      }
      const decoded: Record<string, string> = {};
      for (const [k, v] of Object.entries(params ?? {})) decoded[k] = decodeURIComponent(v);
      return { kind: 'operation', op, params: decoded };
    }
    return allow ? { kind: 'method-not-allowed', allow } : { kind: 'none' };
  };
}
