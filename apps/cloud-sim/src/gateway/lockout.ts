/** More than this many consecutive signature failures lock the AK (upstream-api.md). */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
}

/**
 * Per-AK lockout, computed from timestamps. The sixth consecutive failure locks the AK for five
 * minutes; while locked even a correct signature is refused. A success resets the count.
 */
export class AkLockout {
  private readonly entries = new Map<string, Entry>();

  isLocked(ak: string, now: number): boolean {
    const e = this.entries.get(ak);
    if (!e || e.lockedUntil === 0) return false;
    if (now < e.lockedUntil) return true;
    this.entries.delete(ak);
    return false;
  }

  failure(ak: string, now: number): void {
    // Unknown AKs are tracked too, but the map cannot grow without bound.
    if (!this.entries.has(ak) && this.entries.size >= MAX_TRACKED) this.entries.clear();
    const e = this.entries.get(ak) ?? { failures: 0, lockedUntil: 0 };
    e.failures += 1;
    if (e.failures > MAX_CONSECUTIVE_FAILURES) e.lockedUntil = now + LOCK_MS;
    this.entries.set(ak, e);
  }

  success(ak: string): void {
    this.entries.delete(ak);
  }

  clear(): void {
    this.entries.clear();
  }
}
