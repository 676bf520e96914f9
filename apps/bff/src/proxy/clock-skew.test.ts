import { describe, expect, it } from 'vitest';
import { createClockSkew, describeSkew } from './clock-skew.ts';

describe('createClockSkew', () => {
  const t0 = Date.parse('2026-03-01T10:00:00Z');
  it('estimates the cloud clock minus ours from the Date header', () => {
    const c = createClockSkew(() => t0);
    // Our clock says 10:00:00.1–10:00:00.3, the cloud's Date says 10:20:00 (truncated seconds).
    const e = c.observe('Sun, 01 Mar 2026 10:20:00 GMT', t0 + 100, t0 + 300);
    expect(e?.skewMs).toBe(20 * 60_000 + 500 - 200);
    expect(c.reportable()).toBe(e?.skewMs);
  });
  it('reports nothing within noise unless a signature expired lately', () => {
    let t = t0;
    const c = createClockSkew(() => t);
    c.observe('Sun, 01 Mar 2026 10:00:00 GMT', t0, t0 + 10);
    expect(c.reportable()).toBeUndefined();
    c.expired(undefined);
    t = t0 + 60_000;
    expect(c.reportable()).toBe(495);
    t = t0 + 16 * 60_000;
    expect(c.reportable()).toBeUndefined();
  });
  it('ignores missing or unreadable dates', () => {
    const c = createClockSkew(() => t0);
    expect(c.observe(undefined, t0, t0)).toBeUndefined();
    expect(c.observe('yesterday', t0, t0)).toBeUndefined();
    expect(c.reportable()).toBeUndefined();
  });
  it('describes a skew for people', () => {
    expect(describeSkew(20 * 60_000)).toBe("about 20 minutes behind the cloud's");
    expect(describeSkew(-45_000)).toBe("about 45 seconds ahead of the cloud's");
  });
});
