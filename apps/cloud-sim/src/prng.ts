/**
 * Seeded PRNG (mulberry32): every piece of simulator state and every fault decision comes from
 * one of these, so a seed reproduces the same cloud. Math.random is never used for state.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  /** RFC 4122 version-4 layout, filled from the seeded stream. */
  uuid(): string;
  /** A child stream, so adding draws to one part of the seed does not shift the others. */
  fork(label: string): Prng;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hashLabel(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const word = (): string => {
    const v = Math.floor(next() * 0x100000000);
    return (HEX[v >>> 24] as string) + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
  };
  const hex = (length: number): string => {
    let s = '';
    while (s.length < length) s += word();
    return s.length === length ? s : s.slice(0, length);
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    hex,
    uuid: () => {
      const a = word();
      const b = word();
      const c = word();
      const d = word();
      const variant = '89ab'[parseInt(c[0] as string, 16) & 3] as string;
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
    fork: (label) => createPrng((seed ^ hashLabel(label)) >>> 0),
  };
}
