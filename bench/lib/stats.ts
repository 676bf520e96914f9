/** Small numeric helpers shared by the benchmarks; every figure in the report goes through these. */

/** Nearest-rank percentile of unsorted samples (p in 0..100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/** Fixed decimals, thousands separated by a thin space-free comma; '–' for NaN. */
export function fmt(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function fmtMs(ms: number, decimals = 1): string {
  return Number.isFinite(ms) ? `${fmt(ms, decimals)} ms` : '–';
}

/** Bytes in kB (1 kB = 1000 B, as size-limit reports). */
export function fmtKB(bytes: number, decimals = 1): string {
  return Number.isFinite(bytes) ? `${fmt(bytes / 1000, decimals)} kB` : '–';
}

export function fmtMiB(bytes: number, decimals = 1): string {
  return Number.isFinite(bytes) ? `${fmt(bytes / 1024 / 1024, decimals)} MiB` : '–';
}

export function fmtPct(fraction: number, decimals = 0): string {
  return Number.isFinite(fraction) ? `${fmt(fraction * 100, decimals)} %` : '–';
}
