import { z } from 'zod';

// URL search values for list pages. A pasted or hand-edited URL must never break the page, so
// each bad value falls back on its own (`.catch`) rather than failing the whole search.

/** A 1-based page number; anything else is the first page. */
export const pageParam = (first: number) =>
  z.coerce.number().int().min(1).max(1_000_000).default(first).catch(first);

/**
 * Free text, trimmed; blank or too long means "no filter". The router JSON-parses search values
 * ("?name=123" arrives as a number), so numbers are taken back as text.
 */
export const textParam = (max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().max(max))
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);
