import type { OperationId } from '@dsc/api-types';
import { parseJsonSafe } from './upstream-errors.ts';

/**
 * Success bodies up to this size are parsed in full. Larger ones (list pages run to hundreds of kB)
 * are passed on without a parse: parsing them cost the BFF most of its CPU per list request.
 */
export const FULL_PARSE_LIMIT = 16 * 1024;

const IS_SUCCESS_KEY = Buffer.from('"is_success"');
const IS_SUCCESS_FALSE = /^"is_success"[ \t\r\n]*:[ \t\r\n]*false/;
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function firstNonSpace(body: Buffer): number | undefined {
  for (let i = 0; i < body.length; i++) if (!JSON_SPACE.has(body[i]!)) return body[i];
  return undefined;
}

function lastNonSpace(body: Buffer): number | undefined {
  for (let i = body.length - 1; i >= 0; i--) if (!JSON_SPACE.has(body[i]!)) return body[i];
  return undefined;
}

/**
 * A structural check for a body too large to parse: it opens and closes like a JSON object or
 * array. It catches HTML pages and bodies cut short, not a malformed middle.
 */
export function looksLikeJsonDocument(body: Buffer): boolean {
  const first = firstNonSpace(body);
  const last = lastNonSpace(body);
  return (first === 0x7b && last === 0x7d) || (first === 0x5b && last === 0x5d);
}

/** Whether `"is_success": false` (any JSON whitespace around the colon) occurs anywhere in the body. */
export function mentionsIsSuccessFalse(body: Buffer): boolean {
  for (let at = body.indexOf(IS_SUCCESS_KEY); at !== -1; at = body.indexOf(IS_SUCCESS_KEY, at + 1)) {
    if (IS_SUCCESS_FALSE.test(body.subarray(at, at + 64).toString('latin1'))) return true;
  }
  return false;
}

/** What a success body needs looked at: `json` is its parse when one was needed (undefined if the bytes are not JSON). */
export type SuccessBodyView = { kind: 'parsed'; json: unknown } | { kind: 'unparsed'; wellFormed: boolean };

/**
 * Parses a success body only when it has to: always for the MRS update (its `result` decides
 * success), for small bodies, and for a large DLI body that mentions `"is_success": false`, which
 * the parse then confirms or refutes (the mention may sit inside an item rather than at the top).
 */
export function viewSuccessBody(operationId: OperationId, body: Buffer): SuccessBodyView {
  const mustParse = body.length <= FULL_PARSE_LIMIT
    || operationId === 'mrs.updateDataConnector'
    || (operationId.startsWith('dli.') && mentionsIsSuccessFalse(body));
  if (mustParse) return { kind: 'parsed', json: parseJsonSafe(body) };
  return { kind: 'unparsed', wellFormed: looksLikeJsonDocument(body) };
}
