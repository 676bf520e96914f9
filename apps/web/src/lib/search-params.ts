import type { SearchSchemaInput } from '@tanstack/react-router';

// URL search values for list pages. A pasted or hand-edited URL must never break the page, so
// each bad value falls back on its own rather than failing the whole search. Plain functions, not
// zod: the router reads the URL before the first paint, and the first paint carries no zod
// (issue 7; zod arrives with the first answer, lib/api-schemas.ts).

/** What a link may put in the URL: the parsed shape, every key optional (defaults fill in). */
export type SearchInput<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * A route's validateSearch from a parser that accepts anything. Parsers return every key, a bad
 * or missing one as undefined: the router lays the result over the raw search, so a key left out
 * would keep its raw value. The parser is returned as it is;
 * only its type changes, so that links and navigate() are checked against the parsed shape.
 */
export function searchValidator<T>(
  parse: (raw: Record<string, unknown>) => T,
): (input: SearchInput<T> & SearchSchemaInput) => T {
  return parse;
}

/** A number the router parsed, or one still in text; anything else is not a number. */
export function numberParam(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** A 1-based page number; anything else is the first page. */
export function pageParam(v: unknown, first: number): number {
  const n = numberParam(v);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : first;
}

/**
 * Free text, trimmed; blank, too long or not text means "no filter". The router JSON-parses
 * search values ("?name=123" arrives as a number), so numbers are taken back as text.
 */
export function textParam(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const text = String(v).trim();
  return text !== '' && text.length <= max ? text : undefined;
}

/** One of a fixed set of words, compared after `normalise` (e.g. trim and upper-case). */
export function oneOfParam<T extends string>(
  v: unknown,
  options: readonly T[],
  normalise: (s: string) => string = (s) => s,
): T | undefined {
  if (typeof v !== 'string') return undefined;
  const s = normalise(v);
  return options.find((o) => o === s);
}

/** One of a fixed set of numbers, from a number or its text. */
export function numberOfParam<T extends number>(v: unknown, options: readonly T[]): T | undefined {
  const n = numberParam(v);
  return options.find((o) => o === n);
}

export const upperCase = (s: string) => s.trim().toUpperCase();

