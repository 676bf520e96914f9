/**
 * The list's tag filter: upstream takes `tags=k=v,k2=v2`. Keys and values follow the documented
 * tag characters, minus `=` and `,` which would break the pair syntax; an empty value matches any
 * value of that key.
 */
export interface TagPair {
  key: string;
  value: string;
}

export type TagPairProblem = 'keyRequired' | 'keyChars' | 'keyLength' | 'valueChars' | 'valueLength' | 'duplicateKey';

const KEY = /^[\p{L}\p{N} _.:+\-@]+$/u;
const VALUE = /^[\p{L}\p{N} _.:+\-@]*$/u;
export const MAX_TAG_FILTER_LENGTH = 1024;

/** Why one row of the editor cannot be sent, or undefined when it can. Rows are trimmed first. */
export function tagPairProblem(
  pair: TagPair,
  index: number,
  all: readonly TagPair[],
): TagPairProblem | undefined {
  const key = pair.key.trim();
  const value = pair.value.trim();
  if (key === '') return value === '' ? undefined : 'keyRequired';
  if (key.length > 128) return 'keyLength';
  if (!KEY.test(key)) return 'keyChars';
  if (value.length > 255) return 'valueLength';
  if (!VALUE.test(value)) return 'valueChars';
  if (all.slice(0, index).some((p) => p.key.trim() === key)) return 'duplicateKey';
  return undefined;
}

/** Rows with neither key nor value are ignored (an editor's blank last row). */
function filled(pairs: readonly TagPair[]): TagPair[] {
  return pairs
    .map((p) => ({ key: p.key.trim(), value: p.value.trim() }))
    .filter((p) => p.key !== '' || p.value !== '');
}

/** Pairs → the upstream query value; undefined when nothing is set or any row is invalid. */
export function formatTagFilter(pairs: readonly TagPair[]): string | undefined {
  const rows = filled(pairs);
  if (rows.length === 0) return undefined;
  if (rows.some((p, i) => tagPairProblem(p, i, rows))) return undefined;
  const text = rows.map((p) => `${p.key}=${p.value}`).join(',');
  return text.length <= MAX_TAG_FILTER_LENGTH ? text : undefined;
}

/** `k=v,k2=v2` → pairs; undefined when the text is not a filter the editor could have written. */
export function parseTagFilter(text: string): TagPair[] | undefined {
  if (text.trim() === '' || text.length > MAX_TAG_FILTER_LENGTH) return undefined;
  const pairs: TagPair[] = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === '') return undefined;
    pairs.push({ key, value });
  }
  return pairs.every((p, i) => tagPairProblem(p, i, pairs) === undefined) ? pairs : undefined;
}
