import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target.ts';
import { parseSignInSearch } from './search.ts';

describe('safeRedirectTarget', () => {
  it('keeps a same-origin path with its search and hash', () => {
    expect(safeRedirectTarget('/connections')).toBe('/connections');
    expect(safeRedirectTarget('/connections?status=ACTIVE&page=2')).toBe('/connections?status=ACTIVE&page=2');
    expect(safeRedirectTarget('/dws/clusters/c-1/ext-data-sources#top')).toBe('/dws/clusters/c-1/ext-data-sources#top');
    expect(safeRedirectTarget('/')).toBe('/');
  });

  it('normalises dot segments the way a browser would', () => {
    expect(safeRedirectTarget('/a/../audit')).toBe('/audit');
  });

  it.each([
    ['protocol-relative', '//evil.example/path'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative path', 'connections'],
    ['backslash read as slash', '/\\evil.example'],
    ['backslash second', '\\/evil.example'],
    ['tab dropped by the URL parser', '/\t/evil.example'],
    ['newline dropped by the URL parser', '/\n/evil.example'],
    ['encoded double slash', '/%2F%2Fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['broken encoding', '/%E0%A4%A'],
    ['data URL', 'data:text/html,hi'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(3000)}`],
    ['the sign-in page itself', '/sign-in?redirect=/connections'],
  ])('rejects %s', (_name, value) => {
    expect(safeRedirectTarget(value)).toBeUndefined();
  });

  it('rejects anything that is not a string', () => {
    for (const v of [undefined, null, 42, { pathname: '/x' }, ['/x']]) {
      expect(safeRedirectTarget(v)).toBeUndefined();
    }
  });
});

describe('sign-in search params', () => {
  it('keeps a safe redirect and drops an unsafe or malformed one without failing', () => {
    expect(parseSignInSearch({ redirect: '/audit?outcome=denied' })).toEqual({ redirect: '/audit?outcome=denied' });
    expect(parseSignInSearch({ redirect: '//evil.example' })).toEqual({ redirect: undefined });
    expect(parseSignInSearch({ redirect: 7 })).toEqual({ redirect: undefined });
    expect(parseSignInSearch({})).toEqual({});
  });
});
