import { act, render, renderHook } from '@testing-library/react';
import { Component as PreactComponent } from 'preact';
import { Component } from 'react';
import { describe, expect, it } from 'vitest';
import { useSyncExternalStoreWithSelector } from './use-sync-external-store.ts';

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

describe('the unit tests render as the build does', () => {
  it("take React's API from preact/compat", () => {
    expect(Component).toBe(PreactComponent);
  });
});

describe('useSyncExternalStoreWithSelector', () => {
  it('gives the selected part and re-renders only when isEqual says it changed', () => {
    const s = store({ a: 1, b: 1 });
    const seen: number[] = [];
    const select = (v: { a: number; b: number }) => ({ a: v.a });
    const sameA = (x: { a: number }, y: { a: number }) => x.a === y.a;
    function Probe() {
      const picked = useSyncExternalStoreWithSelector(s.subscribe, s.get, undefined, select, sameA);
      seen.push(picked.a);
      return <output>{picked.a}</output>;
    }
    const { container } = render(<Probe />);
    expect(container.textContent).toBe('1');
    const renders = seen.length;

    act(() => s.set({ a: 1, b: 2 }));
    expect(seen).toHaveLength(renders); // b is not selected: no render

    act(() => s.set({ a: 2, b: 2 }));
    expect(container.textContent).toBe('2');
    expect(seen.at(-1)).toBe(2);
  });

  it('keeps the previous selection object while it is equal', () => {
    const s = store({ n: 1, other: 0 });
    const select = (v: { n: number }) => ({ n: v.n });
    const { result } = renderHook(() =>
      useSyncExternalStoreWithSelector(s.subscribe, s.get, null, select, (x, y) => x.n === y.n),
    );
    const first = result.current;
    act(() => s.set({ n: 1, other: 1 }));
    expect(result.current).toBe(first);
    act(() => s.set({ n: 3, other: 1 }));
    expect(result.current).toEqual({ n: 3 });
  });
});
