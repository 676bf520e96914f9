import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import {
  ACCOUNT_CEILING_POLICY,
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  backoffMs,
  createSignInThrottle,
} from './sign-in-throttle.ts';

describe('backoffMs', () => {
  it('is free for the first failures, then doubles from 1 s to a 15-minute cap', () => {
    const seq = Array.from({ length: 20 }, (_, i) => backoffMs(i + 1, ACCOUNT_POLICY) / 1000);
    expect(seq).toEqual([
      0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900, 900,
    ]);
    expect(backoffMs(1_000_000, ACCOUNT_POLICY)).toBe(15 * 60_000);
    expect(backoffMs(20, ADDRESS_POLICY)).toBe(0);
    expect(backoffMs(21, ADDRESS_POLICY)).toBe(1000);
  });
});

describe('createSignInThrottle', () => {
  it('blocks the account from the failing address after the free failures, forgives after the wait, and a success clears it', async () => {
    let t = 0;
    const now = () => new Date(t);
    const throttle = createSignInThrottle({
      store: createMemoryStore({ now: () => t }),
      secret: 's'.repeat(32),
      now,
    });
    for (let i = 0; i < 6; i++) await throttle.recordFailure('ada', '10.0.0.1');
    expect(await throttle.waitMs('ada', '10.0.0.1')).toBe(1000);
    // Someone else's failures do not lock ada out of her own address.
    expect(await throttle.waitMs('ada', '10.0.0.9')).toBe(0);
    expect(await throttle.waitMs('bob', '10.0.0.1')).toBe(0);
    t += 1000;
    expect(await throttle.waitMs('ada', '10.0.0.1')).toBe(0);
    await throttle.recordFailure('ada', '10.0.0.1');
    expect(await throttle.waitMs('ada', '10.0.0.1')).toBe(2000);
    await throttle.recordSuccess('ada', '10.0.0.1');
    expect(await throttle.waitMs('ada', '10.0.0.1')).toBe(0);
    await throttle.recordFailure('ada', '10.0.0.1');
    expect(await throttle.waitMs('ada', '10.0.0.1')).toBe(0);
  });

  it('an account-wide ceiling far above one address\'s: guessing spread over many addresses still ends in a wait', async () => {
    const t = 0;
    const throttle = createSignInThrottle({ store: createMemoryStore({ now: () => t }), secret: 's'.repeat(32), now: () => new Date(t) });
    for (let i = 0; i < ACCOUNT_CEILING_POLICY.free; i++) await throttle.recordFailure('ada', `10.1.${i >> 8}.${i & 255}`);
    expect(await throttle.waitMs('ada', '10.9.9.9')).toBe(0);
    await throttle.recordFailure('ada', '10.2.0.1');
    expect(await throttle.waitMs('ada', '10.9.9.9')).toBe(1000);
  });
});
