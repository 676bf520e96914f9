/**
 * A single pass over the bytes of a JSON text that enforces structural limits before anything
 * is parsed or walked: nesting depth, entries per array, values in total, and keys that occur
 * twice in one object (JSON.parse silently keeps the last). It only follows strings, brackets,
 * commas and colons; syntax is left to JSON.parse, which runs only if the scan passes. On valid
 * JSON it is exact, and invalid JSON is refused by the parse anyway, so nothing that breaks a
 * limit reaches the parse. Hand-written because the streaming parsers on npm offer no such
 * limits (decision 012); it allocates only for keys and the stack.
 */

export interface JsonLimits {
  maxDepth: number;
  maxArrayLength: number;
  maxValues: number;
}

export type ScanProblem =
  | { kind: 'depth'; path: string; limit: number }
  | { kind: 'array-length'; path: string; limit: number }
  | { kind: 'values'; limit: number }
  | { kind: 'duplicate-key'; path: string };

interface Frame {
  array: boolean;
  count: number;
  lastKey: string;
  keys: Set<string> | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a;
}

/** The field path (`hosts.3.name`) of the member currently open in each frame. */
function pathOf(stack: Frame[], upTo = stack.length): string {
  const parts: string[] = [];
  for (let k = 0; k < upTo; k++) {
    const f = stack[k]!;
    parts.push(f.array ? String(Math.max(0, f.count - 1)) : f.lastKey);
  }
  return parts.join('.');
}

/** The end quote of the string opening at `start`, or -1. */
function stringEnd(buf: Buffer, start: number): number {
  let j = buf.indexOf(QUOTE, start + 1);
  while (j !== -1) {
    let slashes = 0;
    for (let b = j - 1; b > start && buf[b] === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return j;
    j = buf.indexOf(QUOTE, j + 1);
  }
  return -1;
}

function keyText(buf: Buffer, start: number, end: number): string {
  const raw = buf.toString('utf8', start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(buf.toString('utf8', start, end + 1)) as string;
  } catch {
    return raw; // malformed: the parse will refuse the body
  }
}

export function scanJson(buf: Buffer, limits: JsonLimits): ScanProblem | undefined {
  const stack: Frame[] = [];
  let values = 0;
  // What the next token is: a value, an object key, or neither (after a value or a key).
  let expect: 'value' | 'key' | 'other' = 'value';

  const valueStarts = (): ScanProblem | undefined => {
    if (++values > limits.maxValues) return { kind: 'values', limit: limits.maxValues };
    const top = stack[stack.length - 1];
    if (top?.array && ++top.count > limits.maxArrayLength) {
      return { kind: 'array-length', path: pathOf(stack, stack.length - 1), limit: limits.maxArrayLength };
    }
    return undefined;
  };

  const n = buf.length;
  let i = 0;
  while (i < n) {
    const c = buf[i]!;
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
    } else if (c === QUOTE) {
      const end = stringEnd(buf, i);
      if (end === -1) return undefined;
      const top = stack[stack.length - 1];
      if (expect === 'key' && top && !top.array) {
        const key = keyText(buf, i, end);
        top.keys ??= new Set();
        if (top.keys.has(key)) {
          top.lastKey = key;
          return { kind: 'duplicate-key', path: pathOf(stack) };
        }
        top.keys.add(key);
        top.lastKey = key;
      } else if (expect === 'value') {
        const p = valueStarts();
        if (p) return p;
      }
      expect = 'other';
      i = end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (expect === 'value') {
        const p = valueStarts();
        if (p) return p;
      }
      stack.push({ array: c === 0x5b, count: 0, lastKey: '', keys: undefined });
      if (stack.length > limits.maxDepth) return { kind: 'depth', path: pathOf(stack, stack.length - 1), limit: limits.maxDepth };
      expect = c === 0x7b ? 'key' : 'value';
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expect = 'other';
      i++;
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      expect = top && !top.array ? 'key' : 'value';
      i++;
    } else if (c === 0x3a) {
      expect = 'value';
      i++;
    } else {
      if (expect === 'value') {
        const p = valueStarts();
        if (p) return p;
      }
      expect = 'other';
      i++;
      while (i < n && !isDelimiter(buf[i]!)) i++;
    }
  }
  return undefined;
}
