import { describe, expect, it } from 'vitest';
import { canonicalQueryString, canonicalUri, parseRequestUrl } from './canonical-url.ts';

const uriOf = (url: string) => canonicalUri(parseRequestUrl(url).parsed.pathname);
const queryOf = (url: string) => canonicalQueryString(parseRequestUrl(url).parsed.search);

describe('canonical URI', () => {
  it('ends with a slash, adding one only when missing', () => {
    expect(uriOf('http://h/v2.0/p/datasource/x')).toBe('/v2.0/p/datasource/x/');
    expect(uriOf('http://h/v2.0/p/')).toBe('/v2.0/p/');
    expect(uriOf('http://h')).toBe('/');
    expect(uriOf('http://h/')).toBe('/');
  });

  it('decodes each segment then encodes it by the doc rule', () => {
    expect(uriOf('http://h/a b/*/+/~/%7e/%41%42/中文/😀')).toBe('/a%20b/%2A/%2B/~/~/AB/%E4%B8%AD%E6%96%87/%F0%9F%98%80/');
    expect(uriOf("http://h/;:@=&!'()$,")).toBe('/%3B%3A%40%3D%26%21%27%28%29%24%2C/');
    expect(uriOf('http://h/%e4%b8%ad')).toBe('/%E4%B8%AD/');
  });

  it('keeps an already-encoded escape as data: %2541 stays %2541', () => {
    expect(uriOf('http://h/100%2541')).toBe('/100%2541/');
  });

  it('keeps an encoded slash inside its segment (the Node SDK would produce %252F)', () => {
    expect(uriOf('http://h/a%2Fb/c')).toBe('/a%2Fb/c/');
    expect(uriOf('http://h/a%2fb/c')).toBe('/a%2Fb/c/');
  });

  it("treats '+' in a path as a plus, and a lone '%' as a percent", () => {
    expect(uriOf('http://h/a+b/50%/%zz')).toBe('/a%2Bb/50%25/%25zz/');
  });

  it('keeps empty segments and signs what URL parsing sends (dot segments resolved)', () => {
    expect(uriOf('http://h//a//')).toBe('//a//');
    expect(uriOf('http://h/a/./b/../c')).toBe('/a/c/');
    expect(uriOf('http://h/a/%2e%2E/c')).toBe('/c/');
  });

  it('accepts a path-only request target, including one that starts with //', () => {
    expect(uriOf('/v1/x?y=1')).toBe('/v1/x/');
    expect(uriOf('//evil.example/x')).toBe('//evil.example/x/');
    expect(parseRequestUrl('/v1').relative).toBe(true);
    expect(parseRequestUrl('http://h/v1').relative).toBe(false);
  });
});

describe('canonical query string', () => {
  it('is empty without a query', () => {
    expect(queryOf('http://h/a')).toBe('');
    expect(queryOf('http://h/a?')).toBe('');
    expect(queryOf('http://h/a?&&')).toBe('');
  });

  it('sorts keys, then the values of a repeated key', () => {
    expect(queryOf('http://h/?b=2&a=3&b=1&a=10&c')).toBe('a=10&a=3&b=1&b=2&c=');
    expect(queryOf('http://h/?limit=2&marker=x&Limit=1')).toBe('Limit=1&limit=2&marker=x');
  });

  it('gives a key without = the empty value, and splits on the first = only', () => {
    expect(queryOf('http://h/?flag&x=')).toBe('flag=&x=');
    expect(queryOf('http://h/?tags=k%3Dv,k2=v2')).toBe('tags=k%3Dv%2Ck2%3Dv2');
    expect(queryOf('http://h/?=v')).toBe('=v');
  });

  it("decodes then re-encodes; '+' is a space and %2B a plus", () => {
    expect(queryOf('http://h/?q=a+b&r=a%2Bb&s=a%20b&t=a b')).toBe('q=a%20b&r=a%2Bb&s=a%20b&t=a%20b');
    expect(queryOf("http://h/?k=*!'()~._-&中=😀")).toBe('k=%2A%21%27%28%29~._-&%E4%B8%AD=%F0%9F%98%80');
    expect(queryOf('http://h/?v=%2541&w=%zz&x=%')).toBe('v=%2541&w=%25zz&x=%25');
  });

  it('sorts by the bytes of the decoded key, not of its encoded form', () => {
    // Encoded, '%2F…' (from '/') would sort before '.'; decoded, '.' (0x2E) is before '/' (0x2F).
    expect(queryOf('http://h/?%2F=1&.=2')).toBe('.=2&%2F=1');
    // UTF-8 byte order: U+FF1D (EF BC 9D) before U+1F600 (F0 9F 98 80).
    expect(queryOf('http://h/?😀=1&＝=2')).toBe('%EF%BC%9D=2&%F0%9F%98%80=1');
  });
});
