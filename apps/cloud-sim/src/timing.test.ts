import { describe, expect, it } from 'vitest';
import { parseTiming, progressOf, startTransition } from './timing.ts';

describe('timing', () => {
  it('parses the SIM_TIMING forms and refuses others', () => {
    expect(parseTiming('immediate')).toEqual({ mode: 'immediate' });
    expect(parseTiming('seconds:3')).toEqual({ mode: 'seconds', seconds: 3 });
    expect(parseTiming('reads:2')).toEqual({ mode: 'reads', reads: 2 });
    expect(() => parseTiming('later')).toThrow(/timing/);
    expect(() => parseTiming('seconds:')).toThrow();
    expect(() => parseTiming('reads:-1')).toThrow();
  });

  it('seconds: progress follows the clock', () => {
    const tr = startTransition(1_000);
    expect(progressOf(tr, { mode: 'seconds', seconds: 10 }, 6_000, false)).toBe(0.5);
    expect(progressOf(tr, { mode: 'seconds', seconds: 10 }, 60_000, false)).toBe(1);
  });

  it('reads: the Nth counted read completes', () => {
    const tr = startTransition(0);
    const timing = { mode: 'reads', reads: 3 } as const;
    expect(progressOf(tr, timing, 0, true)).toBeCloseTo(1 / 3);
    expect(progressOf(tr, timing, 0, false)).toBeCloseTo(1 / 3);
    expect(progressOf(tr, timing, 0, true)).toBeCloseTo(2 / 3);
    expect(progressOf(tr, timing, 0, true)).toBe(1);
  });
});
