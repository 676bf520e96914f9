import { describe, expect, it } from 'vitest';
import { createReadSharing } from './read-sharing.ts';

type R = { ok: boolean; body: string };

/** A sharing over a clock the test moves, and calls the test settles by hand. */
function setup(windowMs = 1000) {
  let now = 0;
  const sharing = createReadSharing<R>({ windowMs, now: () => now, keep: (r) => (r.ok ? r.body.length : undefined) });
  let calls = 0;
  const pending: Array<(r: R) => void> = [];
  const call = () => {
    calls++;
    return new Promise<R>((resolve) => pending.push(resolve));
  };
  const answer = (r: R = { ok: true, body: `answer ${calls}` }) => pending.shift()!(r);
  return {
    sharing,
    call,
    answer,
    calls: () => calls,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

const LIST = '/v2.0/p/datasource/enhanced-connections';
const KEY = `GET http://up${LIST}?limit=10`;

describe('read sharing', () => {
  it('identical reads in flight share one call; the joiners are told age 0', async () => {
    const t = setup();
    const first = t.sharing.read(KEY, LIST, 'window', t.call);
    const second = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    expect(await first).toEqual({ result: { ok: true, body: 'answer 1' } });
    expect(await second).toEqual({ result: { ok: true, body: 'answer 1' }, ageMs: 0 });
    expect(t.calls()).toBe(1);
  });

  it('within the window an answer is reused with its age; after it, a new call is made', async () => {
    const t = setup(1000);
    const first = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    await first;
    t.tick(700);
    expect(await t.sharing.read(KEY, LIST, 'window', t.call)).toEqual({ result: { ok: true, body: 'answer 1' }, ageMs: 700 });
    t.tick(301);
    const late = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    expect(await late).toEqual({ result: { ok: true, body: 'answer 2' } });
    expect(t.calls()).toBe(2);
  });

  it('another query is another read', async () => {
    const t = setup();
    const a = t.sharing.read(KEY, LIST, 'window', t.call);
    const b = t.sharing.read(`${KEY}&offset=10`, LIST, 'window', t.call);
    t.answer();
    t.answer();
    await Promise.all([a, b]);
    expect(t.calls()).toBe(2);
  });

  it('a refresh calls afresh, and later reads get its answer', async () => {
    const t = setup();
    const first = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    await first;
    const refresh = t.sharing.read(KEY, LIST, 'refresh', t.call);
    t.answer();
    expect(await refresh).toEqual({ result: { ok: true, body: 'answer 2' } });
    expect((await t.sharing.read(KEY, LIST, 'window', t.call)).result.body).toBe('answer 2');
    expect(t.calls()).toBe(2);
  });

  it('a failure is shared with the reads that joined it, but not kept', async () => {
    const t = setup();
    const a = t.sharing.read(KEY, LIST, 'window', t.call);
    const b = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer({ ok: false, body: 'busy' });
    expect((await a).result.ok).toBe(false);
    expect(await b).toEqual({ result: { ok: false, body: 'busy' }, ageMs: 0 });
    expect(t.sharing.size()).toBe(0);
    const c = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    expect((await c).result.ok).toBe(true);
    expect(t.calls()).toBe(2);
  });

  it('a write drops what is shared for the resource, above it and below it, and nothing else', async () => {
    const t = setup();
    const paths = [LIST, `${LIST}/c1`, `${LIST}/c1/queues`, `${LIST}/c2`, '/v2.0/p/queues', `${LIST}-other`];
    for (const p of paths) {
      const r = t.sharing.read(`GET ${p}`, p, 'window', t.call);
      t.answer();
      await r;
    }
    t.sharing.invalidate(`${LIST}/c1`);
    const kept: string[] = [];
    for (const p of paths) {
      const before = t.calls();
      const r = t.sharing.read(`GET ${p}`, p, 'window', t.call);
      if (t.calls() === before) kept.push(p);
      else t.answer();
      await r;
    }
    expect(kept).toEqual([`${LIST}/c2`, '/v2.0/p/queues', `${LIST}-other`]);
  });

  it('a read that overlapped a write is not kept for later reads', async () => {
    const t = setup();
    const during = t.sharing.read(KEY, LIST, 'window', t.call);
    t.sharing.invalidate(LIST);
    t.answer();
    await during;
    const after = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    expect((await after).result.body).toBe('answer 2');
  });

  it('a window of 0 shares nothing, not even in flight', async () => {
    const t = setup(0);
    const a = t.sharing.read(KEY, LIST, 'window', t.call);
    const b = t.sharing.read(KEY, LIST, 'window', t.call);
    t.answer();
    t.answer();
    expect(await a).toEqual({ result: { ok: true, body: 'answer 2' } });
    expect(await b).toEqual({ result: { ok: true, body: 'answer 2' } });
    expect(t.calls()).toBe(2);
    expect(t.sharing.size()).toBe(0);
  });
});
