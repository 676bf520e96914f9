import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { fieldErrors, type OperationDef } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { invalidRequest } from './body-check.ts';
import { checkedBody } from './json-body.ts';
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
 * anywhere (unsafe-text.ts); a body `checked` in the body worker is taken as it is. Field paths: body fields bare
 * (`hosts.3.ip`, as the web forms name them), `query.<name>` and `params.<name>` for the others.
 */
export function validateInput(def: OperationDef, raw: RawInput, checked?: { value: unknown }): ValidatedInput {
  const fields: Record<string, string> = {
    ...unsafeTextPaths(raw.params, 'params'),
    ...unsafeTextPaths(raw.query, 'query'),
    ...(checked ? {} : unsafeTextPaths(raw.body, '')),
  };
  const params = parseInto(def.params, raw.params, 'params', fields);
  let query: unknown = {};
  if (def.query) {
    query = parseInto(def.query, raw.query ?? {}, 'query', fields);
  } else {
    for (const key of Object.keys(asRecord(raw.query))) fields[`query.${key}`] = 'is not allowed';
  }
  // A body the body worker checked arrives as the schema's output already (json-body.ts).
  const body = checked ? checked.value : def.body ? parseInto(def.body, raw.body, '', fields) : undefined;

  if (Object.keys(fields).length > 0) {
    const r = invalidRequest(fields);
    throw new ApiError(r.code, r.message, { fields });
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
      contextOf(req).input = validateInput(def, { params: req.params, query: req.query, body: req.body }, checkedBody(req));
      next();
    } catch (err) {
      next(err);
    }
  };
}
