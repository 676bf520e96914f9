import { describe, expect, it } from 'vitest';
import { diffHosts } from './hosts-diff.ts';

const h = (name: string, ip: string) => ({ name, ip });

describe('diffHosts', () => {
  it('lists added, removed and changed entries, and counts the unchanged ones', () => {
    const current = [h('db01', '10.0.0.1'), h('db02', '10.0.0.2'), h('web', '10.0.0.3'), h('old', '10.0.0.4')];
    const next = [h('web', '10.0.0.3'), h('db02', '10.0.0.22'), h('db01', '10.0.0.1'), h('new', '10.0.0.5')];
    expect(diffHosts(current, next)).toEqual({
      added: [h('new', '10.0.0.5')],
      removed: [h('old', '10.0.0.4')],
      changed: [{ name: 'db02', from: '10.0.0.2', to: '10.0.0.22' }],
      unchanged: 2,
    });
  });

  it('treats a name whose spelling changed as one removed and one added', () => {
    expect(diffHosts([h('DB', '10.0.0.1')], [h('db', '10.0.0.1')])).toEqual({
      added: [h('db', '10.0.0.1')],
      removed: [h('DB', '10.0.0.1')],
      changed: [],
      unchanged: 0,
    });
  });

  it('finds nothing between a list and itself in another order', () => {
    const list = [h('a', '10.0.0.1'), h('b', '10.0.0.2')];
    expect(diffHosts(list, [...list].reverse())).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });

  it('compares 20,000 entries', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => h(`host-${i}`, `10.0.${i >> 8}.${i & 255}`));
    const next = big.slice(1).map((e, i) => (i === 0 ? h(e.name, '10.9.9.9') : e));
    const d = diffHosts(big, next);
    expect(d.removed).toEqual([big[0]]);
    expect(d.changed).toEqual([{ name: 'host-1', from: big[1]!.ip, to: '10.9.9.9' }]);
    expect(d.unchanged).toBe(19_998);
  });
});
