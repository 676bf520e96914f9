import { describe, expect, it } from 'vitest';
import { compareBytes, percentDecode, percentEncode, utf8Bytes } from './encode.ts';

describe('percentEncode', () => {
  it('keeps only A-Z a-z 0-9 _ - ~ . and writes upper-case hex of UTF-8 bytes', () => {
    expect(percentEncode('AZaz09_-~.')).toBe('AZaz09_-~.');
    expect(percentEncode(' *+%;:@=&!\'()/?#')).toBe('%20%2A%2B%25%3B%3A%40%3D%26%21%27%28%29%2F%3F%23');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
    expect(percentEncode('\u00ff')).toBe('%C3%BF');
  });

  it('encodes raw bytes, including ones that are not UTF-8', () => {
    expect(percentEncode(new Uint8Array([0x00, 0x41, 0xff, 0x7f]))).toBe('%00A%FF%7F');
  });

  it('agrees with encodeURIComponent apart from the characters the doc adds', () => {
    const all = Array.from({ length: 0x2ff }, (_, i) => String.fromCharCode(i + 1)).join('') + '中文😀';
    const expected = encodeURIComponent(all).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    expect(percentEncode(all)).toBe(expected);
  });
});

describe('percentDecode', () => {
  const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

  it('decodes either hex case to bytes', () => {
    expect(percentDecode('%e4%B8%aD', false)).toEqual(utf8Bytes('中'));
    expect(text(percentDecode('%41%2f%2F', false))).toBe('A//');
  });

  it('keeps a % that starts no escape', () => {
    expect(text(percentDecode('%', false))).toBe('%');
    expect(text(percentDecode('%zz%4', false))).toBe('%zz%4');
    expect(text(percentDecode('100%', false))).toBe('100%');
  });

  it("reads '+' as a space only when asked (query, not path)", () => {
    expect(text(percentDecode('a+b%2B', true))).toBe('a b+');
    expect(text(percentDecode('a+b%2B', false))).toBe('a+b+');
  });

  it('round-trips invalid UTF-8 unchanged', () => {
    expect(percentEncode(percentDecode('%ff%C3', false))).toBe('%FF%C3');
  });
});

describe('compareBytes', () => {
  it('orders by bytes, then by length', () => {
    expect(compareBytes(utf8Bytes('a'), utf8Bytes('b'))).toBeLessThan(0);
    expect(compareBytes(utf8Bytes('ab'), utf8Bytes('a'))).toBeGreaterThan(0);
    expect(compareBytes(utf8Bytes('x'), utf8Bytes('x'))).toBe(0);
    // UTF-16 order would put U+FF1D after the astral character; UTF-8 byte order does not.
    expect(compareBytes(utf8Bytes('\uFF1D'), utf8Bytes('😀'))).toBeLessThan(0);
  });
});
