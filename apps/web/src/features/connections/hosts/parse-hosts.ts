import { IPV4, MAX_HOSTS, type Host } from '@dsc/api-types';

/** Why one line (or row) was refused; `message` is the English text, `code` + values drive i18n. */
export interface HostsProblem {
  /** 1-based line of the pasted text, or row of the rows editor. */
  line: number;
  code: HostsProblemCode;
  /** The offending token, as typed. */
  value?: string | undefined;
  /** duplicate: the line the name first appeared on; tooMany: how many entries the text holds. */
  other?: number | undefined;
  message: string;
}

export type HostsProblemCode =
  | 'invalidIp'
  | 'ipv6'
  | 'missingIp'
  | 'missingName'
  | 'nameStart'
  | 'nameChars'
  | 'nameTooLong'
  | 'duplicate'
  | 'extraColumns'
  | 'tooMany';

export type CsvOrder = 'name,ip' | 'ip,name';

export interface ParsedHosts {
  hosts: Host[];
  /** The source line of each entry in `hosts`, so a server error on `hosts.N` can name its line. */
  lines: number[];
  errors: HostsProblem[];
  /** How the text was read: /etc/hosts style, CSV, or nothing to read. */
  format: 'hosts' | 'csv' | 'empty';
  csv?: { header: boolean; order: CsvOrder } | undefined;
}

const MAX_NAME = 128;
const NAME_START = /^[A-Za-z]/;
const NAME_CHARS = /^[A-Za-z0-9_.-]+$/;
// "Looks like it was meant as an address": lets a bad IP be reported as a bad IP, not a bad name.
const ADDRESS_LIKE = /^[0-9.]+$|:/;
const HEADER_NAME = /^(name|host|hostname|host_name|host name|domain)$/i;
const HEADER_IP = /^(ip|ip_address|ipaddress|ip address|address|addr|ipv4)$/i;

function isAddressLike(token: string): boolean {
  return ADDRESS_LIKE.test(token);
}

/** Rules of the upstream `Host` schema (api-types), checked one entry at a time with a reason. */
export class HostChecker {
  readonly problems: HostsProblem[] = [];
  private readonly firstLineOf = new Map<string, number>();

  /** Returns the entry when it is valid; otherwise records why and returns undefined. */
  check(name: string, ip: string, line: number): Host | undefined {
    const before = this.problems.length;
    if (name === '') this.add(line, 'missingName', ip, undefined, `${ip || 'this entry'} has no host name`);
    else if (name.length > MAX_NAME)
      this.add(line, 'nameTooLong', name, MAX_NAME, `host name ${name.slice(0, 40)}… is longer than ${MAX_NAME} characters`);
    else if (!NAME_START.test(name)) this.add(line, 'nameStart', name, undefined, `host name ${name} must start with a letter`);
    else if (!NAME_CHARS.test(name))
      this.add(line, 'nameChars', name, undefined, `host name ${name} may hold only letters, digits and _ - .`);

    if (ip === '') this.add(line, 'missingIp', name, undefined, `${name || 'this entry'} has no IP address`);
    else if (ip.includes(':')) this.add(line, 'ipv6', ip, undefined, `${ip} is an IPv6 address; only IPv4 is accepted`);
    else if (!IPV4.test(ip)) this.add(line, 'invalidIp', ip, undefined, `${ip} is not an IPv4 address`);

    if (this.problems.length > before) return undefined;
    const key = name.toLowerCase();
    const first = this.firstLineOf.get(key);
    if (first !== undefined) {
      this.add(line, 'duplicate', name, first, `host name ${name} is already used on line ${first}`);
      return undefined;
    }
    this.firstLineOf.set(key, line);
    return { name, ip };
  }

  add(line: number, code: HostsProblemCode, value: string | undefined, other: number | undefined, message: string) {
    this.problems.push({ line, code, value, other, message });
  }
}

/**
 * Reads hosts from pasted or uploaded text:
 *  - /etc/hosts style: `ip name [aliases…]` per line (each alias is one more entry with the same
 *    IP), `#` starts a comment, blank lines are skipped; `name ip` (two columns copied from a
 *    table) is read too;
 *  - CSV: `name,ip` or `ip,name`, with or without a header row; the order comes from the header,
 *    or else from which column holds the addresses.
 * Every problem names its line; at most `max` entries are accepted.
 */
export function parseHosts(text: string, max: number = MAX_HOSTS): ParsedHosts {
  const rows = splitLines(text);
  if (rows.length === 0) return { hosts: [], lines: [], errors: [], format: 'empty' };
  const csv = rows.some((r) => r.text.includes(','));
  const checker = new HostChecker();
  const hosts: Host[] = [];
  const lines: number[] = [];
  let entries = 0;
  let firstOverLimit = 0;

  const accept = (name: string, ip: string, line: number) => {
    entries += 1;
    if (entries > max) {
      if (firstOverLimit === 0) firstOverLimit = line;
      return;
    }
    const host = checker.check(name, ip, line);
    if (host) {
      hosts.push(host);
      lines.push(line);
    }
  };

  let csvInfo: ParsedHosts['csv'];
  if (csv) {
    const cells = rows.map((r) => splitCsv(r.text));
    const header = headerOrder(cells[0]);
    const order = header ?? guessOrder(cells);
    csvInfo = { header: header !== undefined, order };
    cells.forEach((c, i) => {
      if (i === 0 && header) return;
      const line = rows[i]!.line;
      const extra = c.slice(2).filter((x) => x !== '');
      if (extra.length > 0) {
        checker.add(line, 'extraColumns', c.join(','), c.length, `expected 2 columns (name and IP), found ${c.length}`);
        return;
      }
      const [a = '', b = ''] = c;
      if (order === 'name,ip') accept(a, b, line);
      else accept(b, a, line);
    });
  } else {
    for (const { text: row, line } of rows) {
      const tokens = row.split(/\s+/);
      const [first = '', second = '', ...rest] = tokens;
      if (tokens.length === 1) {
        if (isAddressLike(first)) accept('', first, line);
        else accept(first, '', line);
      } else if (rest.length === 0 && !isAddressLike(first) && isAddressLike(second)) {
        accept(first, second, line);
      } else {
        for (const name of [second, ...rest]) accept(name, first, line);
      }
    }
  }

  const errors = checker.problems;
  if (entries > max) {
    errors.push({
      line: firstOverLimit,
      code: 'tooMany',
      other: entries,
      message: `the text holds ${entries} entries; at most ${max} are allowed (the limit is reached here)`,
    });
  }
  errors.sort((x, y) => x.line - y.line);
  return { hosts, lines, errors, format: csv ? 'csv' : 'hosts', csv: csvInfo };
}

/** The same rules for entries typed into rows; `line` is the row number. */
export function checkHostRows(hosts: readonly Host[], max: number = MAX_HOSTS): HostsProblem[] {
  const checker = new HostChecker();
  hosts.forEach((h, i) => checker.check(h.name, h.ip, i + 1));
  if (hosts.length > max) {
    checker.add(max + 1, 'tooMany', undefined, hosts.length, `${hosts.length} entries; at most ${max} are allowed`);
  }
  return checker.problems;
}

/** Rows back to text (`ip name` per line), for editing a list as text. */
export function formatHostsText(hosts: readonly Host[]): string {
  return hosts.map((h) => `${h.ip} ${h.name}`.trim()).join('\n');
}

function splitLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < all.length; i++) {
    const raw = all[i]!;
    const hash = raw.indexOf('#');
    const body = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (body !== '') out.push({ text: body, line: i + 1 });
  }
  return out;
}

function splitCsv(row: string): string[] {
  return row.split(',').map((c) => {
    const t = c.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
  });
}

function headerOrder(cells: readonly string[] | undefined): CsvOrder | undefined {
  const [a = '', b = ''] = cells ?? [];
  if (HEADER_NAME.test(a) && HEADER_IP.test(b)) return 'name,ip';
  if (HEADER_IP.test(a) && HEADER_NAME.test(b)) return 'ip,name';
  return undefined;
}

/** Without a header, the column holding the addresses in most of the first rows decides. */
function guessOrder(cells: readonly string[][]): CsvOrder {
  let ipFirst = 0;
  let ipSecond = 0;
  for (const c of cells.slice(0, 100)) {
    if (isAddressLike(c[0] ?? '')) ipFirst += 1;
    if (isAddressLike(c[1] ?? '')) ipSecond += 1;
  }
  return ipFirst > ipSecond ? 'ip,name' : 'name,ip';
}
