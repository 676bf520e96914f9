import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { fieldErrors, type OperationDef } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { unsafeTextPaths } from './unsafe-text.ts';

/** The parsed (schema output) form of a request: the only thing later steps build from. */
export interface ValidatedInput {
  params: Record<string, string>;
  query: Record<string, string>;
  /** The schema's output for operations with a body; undefined for those without. */
  body: unknown;
}

export interface RawInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/**
 * Parses params, query and body with the catalogue's schemas, after refusing control characters
 * anywhere (unsafe-text.ts). Field paths: body fields bare
 * (`hosts.3.ip`, as the web forms name them), `query.<name>` and `params.<name>` for the others.
 */
export function validateInput(def: OperationDef, raw: RawInput): ValidatedInput {
  const fields: Record<string, string> = {
    ...unsafeTextPaths(raw.params, 'params'),
    ...unsafeTextPaths(raw.query, 'query'),
    ...unsafeTextPaths(raw.body, ''),
  };
  const params = parseInto(def.params, raw.params, 'params', fields);
  let query: unknown = {};
  if (def.query) {
    query = parseInto(def.query, raw.query ?? {}, 'query', fields);
  } else {
    for (const key of Object.keys(asRecord(raw.query))) fields[`query.${key}`] = 'is not allowed';
  }
  const body = def.body ? parseInto(def.body, raw.body, '', fields) : undefined;

  const paths = Object.keys(fields);
  if (paths.length > 0) {
    const first = paths[0]!;
    const more = paths.length > 1 ? ` (and ${paths.length - 1} more)` : '';
    throw new ApiError('VALIDATION', `Invalid request: ${first} ${fields[first]}${more}`, { fields });
  }
  return { params: toStrings(params), query: toStrings(query), body };
}

function parseInto(schema: z.ZodType, value: unknown, prefix: string, fields: Record<string, string>): unknown {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  for (const [path, message] of Object.entries(fieldErrors(r.error.issues, prefix))) {
    if (!(path in fields)) fields[path] = message;
  }
  return undefined;
}

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function toStrings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v))) {
    if (val !== undefined && val !== null) out[k] = String(val);
  }
  return out;
}

export function validate(def: OperationDef): RequestHandler {
  return (req, _res, next) => {
    try {
      contextOf(req).input = validateInput(def, { params: req.params, query: req.query, body: req.body });
      next();
    } catch (err) {
      next(err);
    }
  };
}
