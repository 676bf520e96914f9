import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.ts';

describe('prng', () => {
  it('replays a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createPrng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps int within bounds and produces v4-shaped uuids', () => {
    const p = createPrng(9);
    for (let i = 0; i < 1000; i++) {
      const n = p.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    expect(p.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.hex(32)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('forks independent, reproducible streams', () => {
    const a = createPrng(5).fork('x').next();
    expect(createPrng(5).fork('x').next()).toBe(a);
    expect(createPrng(5).fork('y').next()).not.toBe(a);
  });
});
