import { describe, expect, it } from 'vitest';
import { countLines, isLargeText, LARGE_TEXT_CHARS, LARGE_TEXT_LINES } from './large-text.ts';

describe('countLines', () => {
  it('counts lines as an editor shows them', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\nb\n')).toBe(2);
    expect(countLines('a\r\nb\r\n')).toBe(2);
    expect(countLines('a\rb\rc')).toBe(3);
    expect(countLines('\n\n')).toBe(2);
  });
});

describe('isLargeText', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${i >> 8}.${i & 255} h${i}`).join('\n');

  it('is large above 1,000 lines', () => {
    expect(isLargeText(lines(LARGE_TEXT_LINES))).toBe(false);
    expect(isLargeText(`${lines(LARGE_TEXT_LINES)}\n`)).toBe(false);
    expect(isLargeText(lines(LARGE_TEXT_LINES + 1))).toBe(true);
  });

  it('is large above 64 KiB however few lines', () => {
    expect(isLargeText('x'.repeat(LARGE_TEXT_CHARS))).toBe(false);
    expect(isLargeText('x'.repeat(LARGE_TEXT_CHARS + 1))).toBe(true);
  });
});
