import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import { createSignatureGuard, isSignatureFailure, type GuardVerdict } from './signature-guard.ts';

function sendable(v: GuardVerdict) {
  if (!v.send) throw new Error(`expected to send, got ${v.reason}`);
  return v;
}

describe('isSignatureFailure', () => {
  it('is a 401 with APIGW.0301/0303 (or the dedicated gateway APIG. prefix)', () => {
    expect(isSignatureFailure(401, 'APIGW.0301')).toBe(true);
    expect(isSignatureFailure(401, 'APIG.0303')).toBe(true);
    expect(isSignatureFailure(403, 'APIGW.0302')).toBe(false);
    expect(isSignatureFailure(401, 'DLI.0013')).toBe(false);
    expect(isSignatureFailure(401, undefined)).toBe(false);
  });
});

describe('createSignatureGuard', () => {
  it('pauses after three failures in a row, then probes one call at a time until one is accepted', async () => {
    let t = 1_000_000;
    const store = createMemoryStore({ now: () => t });
    const guard = createSignatureGuard({ store, ak: 'AKEXAMPLE0001', pauseMs: 60_000, now: () => t });
    for (let i = 0; i < 2; i++) await sendable(await guard.check()).done('signature-failure');
    // Two failures: the next call is the only one allowed out.
    const probe = sendable(await guard.check());
    expect(await guard.check()).toEqual({ send: false, reason: 'probing' });
    await probe.done('signature-failure');
    const paused = await guard.check();
    expect(paused).toEqual({ send: false, reason: 'paused', retryAfterMs: 60_000 });
    t += 60_001;
    await sendable(await guard.check()).done('accepted');
    // Accepted: back to normal, calls go out side by side again.
    const a = sendable(await guard.check());
    const b = sendable(await guard.check());
    await a.done('accepted');
    await b.done('other');
    for (let i = 0; i < 2; i++) await sendable(await guard.check()).done('signature-failure');
    expect((await guard.check()).send).toBe(true);
    await store.close();
  });

  it('shares the count and the pause through the store (several instances)', async () => {
    const store = createMemoryStore();
    const one = createSignatureGuard({ store, ak: 'AKEXAMPLE0001', pauseMs: 30_000 });
    const two = createSignatureGuard({ store, ak: 'AKEXAMPLE0001', pauseMs: 30_000 });
    const other = createSignatureGuard({ store, ak: 'AKOTHER00002', pauseMs: 30_000 });
    await sendable(await one.check()).done('signature-failure');
    await sendable(await two.check()).done('signature-failure');
    await sendable(await one.check()).done('signature-failure');
    expect(await two.check()).toMatchObject({ send: false, reason: 'paused' });
    expect((await other.check()).send).toBe(true);
    await store.close();
  });
});
