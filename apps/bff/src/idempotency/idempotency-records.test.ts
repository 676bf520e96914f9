import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import { createIdempotency, fingerprintOf, type Begin } from './idempotency-records.ts';

const answer = { status: 200, contentType: 'application/json', requestId: 'up-1', body: '{"connection_id":"c1"}' };

function claimed(b: Begin) {
  if (b.kind !== 'claimed') throw new Error(`expected a claim, got ${b.kind}`);
  return b.claim;
}

function setup(ownerMs = 60_000) {
  let t = 1_000_000;
  const store = createMemoryStore({ now: () => t });
  const idem = createIdempotency({ store, windowMs: 86_400_000, ownerMs, waitMs: 0, now: () => t });
  return { store, idem, advance: (ms: number) => (t += ms) };
}

describe('fingerprintOf', () => {
  it('differs by operation, user, path parameters and body bytes', () => {
    const base = fingerprintOf('dws.createExtDataSource', 'otto', { cluster_id: 'c1' }, Buffer.from('{}'));
    expect(fingerprintOf('dws.createExtDataSource', 'otto', { cluster_id: 'c1' }, Buffer.from('{}'))).toBe(base);
    expect(fingerprintOf('dli.createEnhancedConnection', 'otto', { cluster_id: 'c1' }, Buffer.from('{}'))).not.toBe(base);
    expect(fingerprintOf('dws.createExtDataSource', 'ada', { cluster_id: 'c1' }, Buffer.from('{}'))).not.toBe(base);
    expect(fingerprintOf('dws.createExtDataSource', 'otto', { cluster_id: 'c2' }, Buffer.from('{}'))).not.toBe(base);
    expect(fingerprintOf('dws.createExtDataSource', 'otto', { cluster_id: 'c1' }, Buffer.from('{ }'))).not.toBe(base);
  });
});

describe('createIdempotency', () => {
  const who = { user: 'otto', key: 'key-0001', fingerprint: 'f1' };

  it('one claim per key; a finished one is replayed, a different request refused', async () => {
    const { idem, store } = setup();
    const claim = claimed(await idem.begin(who));
    expect(claim.checkFirst).toBe(false);
    expect(await idem.begin(who)).toMatchObject({ kind: 'in-progress' });
    await claim.finish(answer);
    expect(await idem.begin(who)).toEqual({ kind: 'replay', answer });
    expect(await idem.begin({ ...who, fingerprint: 'f2' })).toEqual({ kind: 'reused' });
    // Keys are per user.
    expect((await idem.begin({ ...who, user: 'ada' })).kind).toBe('claimed');
    await store.close();
  });

  it('a released key can be claimed again; an unresolved one is taken over with "look first"', async () => {
    const { idem, store } = setup();
    await claimed(await idem.begin(who)).release();
    const again = claimed(await idem.begin(who));
    expect(again.checkFirst).toBe(false);
    await again.leaveUnresolved();
    const next = claimed(await idem.begin(who));
    expect(next.checkFirst).toBe(true);
    expect(next.startedAt).toBe(again.startedAt);
    await store.close();
  });

  it('an owner that never reports is taken over once its time is up', async () => {
    const { idem, store, advance } = setup(30_000);
    claimed(await idem.begin(who));
    advance(29_000);
    expect((await idem.begin(who)).kind).toBe('in-progress');
    advance(2_000);
    const taken = claimed(await idem.begin(who));
    expect(taken.checkFirst).toBe(true);
    // The new owner has its own time: nobody else takes over meanwhile.
    expect((await idem.begin(who)).kind).toBe('in-progress');
    await store.close();
  });

  it('a repeat waits for the running first attempt and gets its outcome', async () => {
    const store = createMemoryStore();
    const idem = createIdempotency({ store, windowMs: 60_000, ownerMs: 60_000, waitMs: 2_000, pollMs: 20 });
    const claim = claimed(await idem.begin(who));
    setTimeout(() => void claim.finish(answer), 100);
    expect(await idem.begin(who)).toEqual({ kind: 'replay', answer });
    await store.close();
  });
});
