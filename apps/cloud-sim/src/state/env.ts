import type { Timing } from '../timing.ts';

/** What state modules need from the running simulator: the (skewable) clock and the timing. */
export interface SimEnv {
  now(): number;
  readonly timing: Timing;
}
