import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../store/memory-store.ts';
import { createFlowStore, FLOW_TTL_MS } from './flow-store.ts';

const RECORD = {
  state: 's',
  nonce: 'n',
  codeVerifier: 'v',
  redirectUri: 'http://127.0.0.1/api/session/oidc/callback',
  returnTo: '/',
};

describe('OIDC flow store', () => {
  it('gives a flow back once, even to two takers at the same time', async () => {
    const flows = createFlowStore({
      store: createMemoryStore({ now: () => Date.now() }),
      secret: 'x'.repeat(32),
    });
    const id = await flows.put(RECORD);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [a, b] = await Promise.all([flows.take(id), flows.take(id)]);
    expect([a, b].filter(Boolean)).toEqual([RECORD]);
    expect(await flows.take(id)).toBeUndefined();
  });

  it('finds nothing for unknown, malformed or expired ids', async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t });
    const flows = createFlowStore({ store, secret: 'x'.repeat(32) });
    expect(await flows.take('A'.repeat(43))).toBeUndefined();
    expect(await flows.take('../etc')).toBeUndefined();
    const id = await flows.put(RECORD);
    t += FLOW_TTL_MS;
    expect(await flows.take(id)).toBeUndefined();
  });
});
