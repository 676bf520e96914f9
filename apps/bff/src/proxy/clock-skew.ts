/** Skews smaller than this are within the `Date` header's one-second resolution plus transit. */
export const SKEW_NOISE_MS = 2_000;
/** A "signature expired" answer keeps the skew reported for this long. */
const EXPIRED_MEMORY_MS = 15 * 60_000;

export interface SkewEstimate {
  /** Cloud clock minus ours: positive when our clock is behind. */
  skewMs: number;
  /** When (our clock) it was measured. */
  at: number;
}

export interface ClockSkew {
  /** Measures from an answer's `Date` header; `sentAt`/`receivedAt` on the signing clock. */
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): SkewEstimate | undefined;
  /** Remembers that the gateway called a signature expired (APIGW.0303). */
  expired(estimate: SkewEstimate | undefined): void;
  /** What health should report: the latest estimate when it is beyond noise or a signature expired lately. */
  reportable(): number | undefined;
}

/**
 * Estimates how far the console's clock is from the cloud's, from the `Date` header of upstream
 * answers. The header has whole seconds (truncated), so half a second is added and the midpoint
 * of the exchange taken; anything under SKEW_NOISE_MS is reported as nothing. `now` is the
 * signing clock, the one the estimates are measured on.
 */
export function createClockSkew(now: () => number = Date.now): ClockSkew {
  let latest: SkewEstimate | undefined;
  let expiredAt: number | undefined;
  return {
    observe(dateHeader, sentAt, receivedAt) {
      if (!dateHeader) return undefined;
      const server = Date.parse(dateHeader);
      if (Number.isNaN(server)) return undefined;
      latest = { skewMs: Math.round(server + 500 - (sentAt + receivedAt) / 2), at: receivedAt };
      return latest;
    },
    expired(estimate) {
      expiredAt = estimate?.at ?? latest?.at;
    },
    reportable() {
      if (!latest) return undefined;
      const recentExpiry = expiredAt !== undefined && now() - expiredAt < EXPIRED_MEMORY_MS;
      return recentExpiry || Math.abs(latest.skewMs) >= SKEW_NOISE_MS ? latest.skewMs : undefined;
    },
  };
}

/** "about 20 minutes behind" — for messages to people. */
export function describeSkew(skewMs: number): string {
  const abs = Math.abs(skewMs);
  const amount = abs >= 90_000 ? `${Math.round(abs / 60_000)} minutes` : `${Math.round(abs / 1000)} seconds`;
  return `about ${amount} ${skewMs > 0 ? 'behind' : 'ahead of'} the cloud's`;
}
