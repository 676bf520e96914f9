import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_VISIBILITY } from './connection-columns.tsx';
import {
  COLUMN_STORAGE_KEY,
  readColumnVisibility,
  useColumnVisibility,
} from './column-visibility.ts';

const storage = (value: string | null) => ({ getItem: () => value });

describe('column visibility', () => {
  it('starts from the defaults, and keeps them for anything stored that is not a boolean', () => {
    expect(readColumnVisibility(undefined)).toEqual(DEFAULT_COLUMN_VISIBILITY);
    expect(readColumnVisibility(storage('not json'))).toEqual(DEFAULT_COLUMN_VISIBILITY);
    expect(
      readColumnVisibility(storage(JSON.stringify({ hosts: false, tags: 'yes', name: false, x: 1 }))),
    ).toEqual({ ...DEFAULT_COLUMN_VISIBILITY, hosts: false });
  });

  it('remembers a choice in this browser', () => {
    const first = renderHook(() => useColumnVisibility());
    act(() => first.result.current.setVisible('tags', true));
    act(() => first.result.current.setVisible('network', false));
    expect(first.result.current.visibility).toMatchObject({ tags: true, network: false });
    expect(JSON.parse(window.localStorage.getItem(COLUMN_STORAGE_KEY)!)).toMatchObject({
      tags: true,
      network: false,
    });
    first.unmount();
    const again = renderHook(() => useColumnVisibility());
    expect(again.result.current.visibility).toMatchObject({ tags: true, network: false, hosts: true });
  });
});
