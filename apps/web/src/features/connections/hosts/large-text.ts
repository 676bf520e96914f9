/**
 * When hosts text is too large to put into the textarea.
 *
 * Chromium lays out a textarea's whole value at once, and nothing can split that work: pasting
 * `ip name` lines into a bare textarea on the 2-core bench machine cost a single long task of
 * about 70 ms at 500 lines (21 kB), 80–130 ms at 1,000 (42 kB), 120–310 ms at 2,000 (83 kB) and
 * 1.3–1.6 s at 20,000 (869 kB). Above 1,000 lines the 200 ms budget for a long task is at risk,
 * so larger texts are read straight into the worker and shown as a table; 64 KiB catches the
 * same size in fewer, longer lines. The same rule applies to loaded files and to a long list
 * switched to text.
 */
export const LARGE_TEXT_LINES = 1_000;
export const LARGE_TEXT_CHARS = 64 * 1024;

/** Lines as an editor counts them (a trailing newline does not start one more). */
export function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  // Old Mac line ends: no \n at all but \r between lines.
  if (n === 1 && text.includes('\r')) n = text.split('\r').length;
  return text.endsWith('\n') || (n > 1 && text.endsWith('\r')) ? n - 1 : n;
}

export function isLargeText(text: string): boolean {
  return text.length > LARGE_TEXT_CHARS || countLines(text) > LARGE_TEXT_LINES;
}
