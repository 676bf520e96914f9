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

const IS_SUCCESS_NAME = Buffer.from('is_success');

/** How far into a large body the top-level `is_success` is looked for; DLI puts it first. */
export const LEADING_WINDOW = 4096;

function skipSpace(body: Buffer, i: number, end: number): number {
  while (i < end && JSON_SPACE.has(body[i]!)) i++;
  return i;
}

/**
 * The top-level `is_success` of a JSON object when its key occurs in the first `window` bytes;
 * undefined when it does not (or the value is not a boolean). Strings and nesting are followed,
 * so an `is_success` inside an item does not count. Scanning the head only matters because a
 * search of the whole body cost a list request 80–170 µs (JSON is dense with quotes).
 */
export function leadingIsSuccess(body: Buffer, window = LEADING_WINDOW): boolean | undefined {
  const end = Math.min(body.length, window);
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = body[i]!;
    if (c === 0x22) {
      const start = i + 1;
      for (i = start; i < end && body[i] !== 0x22; i++) if (body[i] === 0x5c) i++;
      if (i >= end) return undefined;
      if (depth !== 1 || i - start !== IS_SUCCESS_NAME.length || body.compare(IS_SUCCESS_NAME, 0, IS_SUCCESS_NAME.length, start, i) !== 0) continue;
      let v = skipSpace(body, i + 1, end);
      if (body[v] !== 0x3a) continue; // a string value, not a key
      v = skipSpace(body, v + 1, end);
      if (body.toString('latin1', v, v + 4) === 'true') return true;
      if (body.toString('latin1', v, v + 5) === 'false') return false;
      return undefined;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 0 && c !== 0x7b) return undefined;
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

/** Whether a large DLI body must be parsed: its top-level is_success says false, or it could not be found near the start and false is mentioned. */
function dliBodyMayReportFailure(body: Buffer): boolean {
  const leading = leadingIsSuccess(body);
  return leading === undefined ? mentionsIsSuccessFalse(body) : !leading;
}

/** What a success body needs looked at: `json` is its parse when one was needed (undefined if the bytes are not JSON). */
export type SuccessBodyView = { kind: 'parsed'; json: unknown } | { kind: 'unparsed'; wellFormed: boolean };

/**
 * Parses a success body only when it has to: always for the MRS update (its `result` decides
 * success), for small bodies, and for a large DLI body whose top-level `is_success` is false or,
 * when that key is not near the start, that mentions `"is_success": false` anywhere, which the
 * parse then confirms or refutes (the mention may sit inside an item rather than at the top).
 * A body with `is_success` twice at the top (JSON.parse keeps the last) is judged by the first.
 */
export function viewSuccessBody(operationId: OperationId, body: Buffer): SuccessBodyView {
  const mustParse = body.length <= FULL_PARSE_LIMIT
    || operationId === 'mrs.updateDataConnector'
    || (operationId.startsWith('dli.') && dliBodyMayReportFailure(body));
  if (mustParse) return { kind: 'parsed', json: parseJsonSafe(body) };
  return { kind: 'unparsed', wellFormed: looksLikeJsonDocument(body) };
}
