/**
 * How fast simulated resources settle. Progress is computed lazily when a resource is read (from
 * its start timestamp or its read count), so no timer keeps the process alive.
 */
export type Timing = { mode: 'immediate' } | { mode: 'seconds'; seconds: number } | { mode: 'reads'; reads: number };

export const DEFAULT_TIMING: Timing = { mode: 'seconds', seconds: 5 };

export interface Transition {
  startedAt: number;
  /** Reads of the owning resource since the transition began. */
  reads: number;
}

export function startTransition(now: number): Transition {
  return { startedAt: now, reads: 0 };
}

/**
 * Fraction done in [0, 1]. `countRead` records one read first, so in `reads` mode with N reads
 * the Nth read is the one that sees the settled state.
 */
export function progressOf(t: Transition, timing: Timing, now: number, countRead: boolean): number {
  if (countRead) t.reads += 1;
  switch (timing.mode) {
    case 'immediate':
      return 1;
    case 'seconds':
      return timing.seconds <= 0 ? 1 : Math.min(1, Math.max(0, (now - t.startedAt) / (timing.seconds * 1000)));
    case 'reads':
      return timing.reads <= 0 ? 1 : Math.min(1, t.reads / timing.reads);
  }
}

/** Parses `immediate`, `seconds:3`, `reads:2` (the SIM_TIMING form). */
export function parseTiming(text: string): Timing {
  const [mode, arg] = text.trim().split(':');
  if (mode === 'immediate' && arg === undefined) return { mode: 'immediate' };
  const n = Number(arg);
  if ((mode === 'seconds' || mode === 'reads') && arg !== undefined && /^\d+(\.\d+)?$/.test(arg)) {
    return mode === 'seconds' ? { mode, seconds: n } : { mode, reads: Math.floor(n) };
  }
  throw new Error(`timing must be "immediate", "seconds:N" or "reads:N", got "${text}"`);
}
