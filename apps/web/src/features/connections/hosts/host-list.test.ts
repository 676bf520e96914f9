import { Hosts, MAX_HOSTS, type Host } from '@dsc/api-types';
import { renderHook } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HostList, hostListField, hostsSchemaIssues } from './host-list.ts';

const valid = (n: number): Host[] => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, ip: `10.0.${i >> 8}.${i & 255}` }));

describe('HostList', () => {
  it('reports the catalogue schema issues of a list with their paths and messages', () => {
    const list = HostList.of([
      { name: 'db01', ip: '10.0.0.1' },
      { name: '1db', ip: '10.0.0.300' },
    ]);
    expect(list.issues()).toEqual([
      { path: [1, 'name'], message: 'must start with a letter' },
      { path: [1, 'ip'], message: 'must be an IPv4 address (a.b.c.d, each 0–255)' },
    ]);
    expect(HostList.of(valid(3)).issues()).toEqual([]);
    expect(hostsSchemaIssues(valid(MAX_HOSTS + 1))).toEqual([{ path: [], message: `must hold at most ${MAX_HOSTS} entries` }]);
  });

  it('takes the issues of a list checked elsewhere as they came, without checking again', () => {
    // Deliberately wrong entries with "no issues": proves the list does not run the schema itself.
    const list = HostList.checked([{ name: '1bad', ip: 'x' }], []);
    expect(list.issues()).toEqual([]);
  });

  it('checks only the changed entry of a list whose issues are known, with the same result as a full check', () => {
    const base = HostList.checked(valid(5), []);
    const broken = base.with(3, { name: 'ok', ip: '10.0.0.256' });
    expect(broken.issues()).toEqual(hostsSchemaIssues(broken.toArray()));
    expect(broken.issues()).toEqual([{ path: [3, 'ip'], message: 'must be an IPv4 address (a.b.c.d, each 0–255)' }]);
    const fixed = broken.with(3, { name: 'ok', ip: '10.0.0.25' });
    expect(fixed.issues()).toEqual([]);
    expect(base.items[3]).toEqual(valid(5)[3]);
  });

  it('keeps a valid list valid when an entry is removed, and checks again after an append', () => {
    const list = HostList.checked(valid(3), []);
    expect(list.without(1).toArray()).toEqual([valid(3)[0], valid(3)[2]]);
    expect(list.without(1).issues()).toEqual([]);
    expect(list.without(0).without(0).without(0)).toBe(HostList.empty);
    const added = list.append({ name: '', ip: '' });
    expect(added.length).toBe(4);
    expect(added.issues().map((i) => i.path)).toEqual([
      [3, 'name'],
      [3, 'name'],
      [3, 'ip'],
    ]);
  });

  it('compares entries, not instances', () => {
    expect(HostList.of(valid(3)).equals(HostList.checked(valid(3), []))).toBe(true);
    expect(HostList.of(valid(3)).equals(HostList.of(valid(2)))).toBe(false);
    expect(HostList.of(valid(3)).equals(HostList.of(valid(3)).with(2, { name: 'h2', ip: '10.0.0.99' }))).toBe(false);
  });

  it('hands out copies: the list itself cannot be changed through them', () => {
    const list = HostList.of(valid(2));
    list.toArray().push({ name: 'x', ip: '10.0.0.9' });
    expect(list.length).toBe(2);
  });
});

describe('hostListField', () => {
  const Body = z.strictObject({ hosts: hostListField });

  it('places schema issues at hosts.N.field, as the plain schema would', () => {
    const r = Body.safeParse({ hosts: HostList.of([{ name: 'db01', ip: '10.0.0.1' }, { name: 'db02', ip: '1.2.3' }]) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['hosts.1.ip', 'must be an IPv4 address (a.b.c.d, each 0–255)'],
    ]);
    const plain = z.strictObject({ hosts: Hosts }).safeParse({ hosts: [{ name: 'db01', ip: '10.0.0.1' }, { name: 'db02', ip: '1.2.3' }] });
    expect(plain.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['hosts.1.ip', 'must be an IPv4 address (a.b.c.d, each 0–255)'],
    ]);
  });

  it('accepts a valid list and returns the same instance', () => {
    const list = HostList.of(valid(2));
    expect(Body.parse({ hosts: list }).hosts).toBe(list);
    expect(Body.safeParse({ hosts: valid(2) }).success).toBe(false);
  });
});

describe('HostList in react-hook-form', () => {
  it('is passed through as it is, not deep-copied (the copies cost 50–240 ms for 20,000 hosts)', () => {
    const list = HostList.of(valid(3));
    const { result } = renderHook(() => useForm<{ name: string; hosts: HostList }>({ defaultValues: { name: '', hosts: list } }));
    expect(result.current.getValues('hosts')).toBe(list);
    expect(result.current.getValues().hosts).toBe(list);
    const next = list.with(0, { name: 'x', ip: '10.9.9.9' });
    result.current.setValue('hosts', next, { shouldDirty: true });
    expect(result.current.getValues('hosts')).toBe(next);
  });
});
