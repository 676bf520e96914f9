import { parseAddress } from '@dsc/api-types/meta';

export interface AddressProblem {
  line: number;
  reason: 'host' | 'port';
}

/** The doctor's address box: one address per line, blanks ignored, repeats dropped. */
export function readAddresses(text: string): { addresses: string[]; problems: AddressProblem[] } {
  const addresses: string[] = [];
  const problems: AddressProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parsed = parseAddress(line);
    if (!parsed.ok) problems.push({ line: i + 1, reason: parsed.reason });
    else if (!addresses.includes(line)) addresses.push(line);
  });
  return { addresses, problems };
}
