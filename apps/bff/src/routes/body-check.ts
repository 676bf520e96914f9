import { fieldErrors, type OperationDef } from '@dsc/api-types';
import type { ErrorCode } from '../errors.ts';
import { scanJson, type JsonLimits, type ScanProblem } from './json-scan.ts';
import { unsafeTextPaths } from './unsafe-text.ts';

/** A refusal as plain data: it crosses from the body worker (body-worker.ts) to the request. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export type BodyCheck = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

/** The one message for field errors: the first field and its reason, and how many more. */
export function invalidRequest(fields: Record<string, string>): Refusal {
  const paths = Object.keys(fields);
  const first = paths[0] ?? '(root)';
  const more = paths.length > 1 ? ` (and ${paths.length - 1} more)` : '';
  return { code: 'VALIDATION', message: `Invalid request: ${first} ${fields[first] ?? 'is invalid'}${more}`, fields };
}

function refusal(p: ScanProblem): Refusal {
  switch (p.kind) {
    case 'depth':
      return invalidRequest({ [p.path || '(root)']: `must not nest deeper than ${p.limit} levels` });
    case 'array-length':
      return invalidRequest({ [p.path || '(root)']: `must hold at most ${p.limit} entries` });
    case 'values':
      return { code: 'PAYLOAD_TOO_LARGE', message: `The request body holds more than ${p.limit} values, more than this route accepts` };
    case 'duplicate-key':
      return invalidRequest({ [p.path]: 'appears more than once' });
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  return typeof v === 'boolean' ? 'a boolean' : typeof v;
}

/** The structure within limits, then the parse, then "is it an object": each refusal says which. */
export function parseJsonObject(buf: Buffer, limits: JsonLimits): BodyCheck {
  const problem = scanJson(buf, limits);
  if (problem) return { ok: false, refusal: refusal(problem) };
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8'));
  } catch {
    return { ok: false, refusal: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      refusal: { code: 'VALIDATION', message: `The request body must be a JSON object, not ${kindOf(value)}`, fields: { '(root)': 'must be an object' } },
    };
  }
  return { ok: true, value };
}

/**
 * Everything validate.ts does to a body, on bytes: parse within limits, control characters,
 * the catalogue's schema. Its `value` is the schema's output. What the body worker runs.
 */
export function checkBody(def: OperationDef, buf: Buffer, limits: JsonLimits): BodyCheck {
  const parsed = parseJsonObject(buf, limits);
  if (!parsed.ok || !def.body) return parsed;
  const fields = unsafeTextPaths(parsed.value, '');
  const r = def.body.safeParse(parsed.value);
  if (!r.success) {
    for (const [path, message] of Object.entries(fieldErrors(r.error.issues, ''))) if (!(path in fields)) fields[path] = message;
  }
  if (Object.keys(fields).length > 0) return { ok: false, refusal: invalidRequest(fields) };
  return { ok: true, value: r.data };
}
