import type { TFunction } from 'i18next';
import { countLines } from './large-text.ts';
import type { ReadHosts } from './read-hosts.ts';

/** Where a text too large for the textarea came from. */
export type HeldSource = { kind: 'paste' } | { kind: 'file'; name: string } | { kind: 'list' };

/** A hosts text kept out of the textarea (see large-text.ts), read by the worker instead. */
export interface HeldText {
  text: string;
  lines: number;
  source: HeldSource;
}

export function holdText(text: string, source: HeldSource): HeldText {
  return { text, lines: countLines(text), source };
}

type T = TFunction<'connections'>;

/** "the pasted text", "hosts.txt", "the list": what the status says the entries were read from. */
export function sourceName(t: T, source: HeldSource): string {
  if (source.kind === 'file') return source.name;
  return source.kind === 'paste' ? t('editor.hosts.held.fromPaste') : t('editor.hosts.held.fromList');
}

/** The panel's title: which text, how many lines and characters (counted without encoding it). */
export function heldTitle(t: T, held: HeldText): string {
  const values = {
    name: held.source.kind === 'file' ? held.source.name : '',
    lines: held.lines.toLocaleString(),
    chars: held.text.length.toLocaleString(),
  };
  if (held.source.kind === 'file') return t('editor.hosts.held.titleFile', values);
  return held.source.kind === 'paste'
    ? t('editor.hosts.held.titlePaste', values)
    : t('editor.hosts.held.titleList', values);
}

/** The column order(s) the CSV lines were read in: `name,ip`, `ip,name`, or both. */
export function orderText(t: T, result: ReadHosts): string {
  const order = result.csv?.order ?? 'name,ip';
  return order === 'both' ? t('editor.hosts.orderBoth') : order;
}

/** How the text was read, as a phrase for the status line. */
export function formatName(t: T, result: ReadHosts): string {
  if (result.format === 'mixed') return t('editor.hosts.held.formatMixed');
  if (result.format === 'csv') {
    return t(result.csv?.header ? 'editor.hosts.held.formatCsvHeader' : 'editor.hosts.held.formatCsv', {
      order: orderText(t, result),
    });
  }
  return t('editor.hosts.held.formatHosts');
}

/**
 * The status line for a held text: "Checking 20,000 lines…" while the worker reads it, then
 * "20,000 entries read from the pasted text (/etc/hosts style); all valid." or how many problems.
 */
export function heldStatus(t: T, held: HeldText, reading: boolean, result: ReadHosts | null): string {
  if (reading || !result) return t('editor.hosts.held.reading', { lines: held.lines.toLocaleString() });
  const source = sourceName(t, held.source);
  if (result.format === 'empty') return t('editor.hosts.held.none', { source });
  const values = {
    n: result.hosts.length.toLocaleString(),
    source,
    format: formatName(t, result),
    problems: result.errors.length.toLocaleString(),
  };
  return result.errors.length === 0
    ? t('editor.hosts.held.allValid', values)
    : t('editor.hosts.held.withProblems', values);
}
