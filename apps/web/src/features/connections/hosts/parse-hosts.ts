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
  /** duplicate: the address the name has on that first line. */
  otherIp?: string | undefined;
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
  /**
   * What kinds of line the text held: only /etc/hosts lines, only CSV lines, both (each line is
   * read in its own format), or nothing to read.
   */
  format: 'hosts' | 'csv' | 'mixed' | 'empty';
  /** The CSV lines: was there a header row, and which column order(s) they were read in. */
  csv?: { header: boolean; order: CsvOrder | 'both' } | undefined;
  /** Entries dropped because an earlier line already gave the same name the same address. */
  merged: number;
}

const MAX_NAME = 128;
const NAME_START = /^[A-Za-z]/;
const NAME_CHARS = /^[A-Za-z0-9_.-]+$/;
// "Looks like it was meant as an address": lets a bad IP be reported as a bad IP, not a bad name.
const ADDRESS_LIKE = /^[0-9.]+$|:/;
const HEADER_NAME = /^(name|host|hostname|host_name|host name|domain)$/i;
const HEADER_IP = /^(ip|ip_address|ipaddress|ip address|address|addr|ipv4)$/i;
/** How many CSV lines decide the column order of lines that do not show it themselves. */
const GUESS_FROM = 100;

function isAddressLike(token: string): boolean {
  return ADDRESS_LIKE.test(token);
}

/** Rules of the upstream `Host` schema (api-types), checked one entry at a time with a reason. */
export class HostChecker {
  readonly problems: HostsProblem[] = [];
  // Names are unique ignoring case, as DNS compares them.
  private readonly firstOf = new Map<string, { line: number; ip: string }>();

  /**
   * True when an earlier valid entry has this name (ignoring case) and exactly this address: the
   * same mapping said twice, which a text may merge instead of refusing.
   */
  repeats(name: string, ip: string): boolean {
    return this.firstOf.get(name.toLowerCase())?.ip === ip;
  }

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
    const first = this.firstOf.get(key);
    if (first !== undefined) {
      const message =
        first.ip === ip
          ? `host name ${name} is already used on line ${first.line}`
          : `host name ${name} is already used on line ${first.line} for ${first.ip}`;
      this.problems.push({ line, code: 'duplicate', value: name, other: first.line, otherIp: first.ip, message });
      return undefined;
    }
    this.firstOf.set(key, { line, ip });
    return { name, ip };
  }

  add(line: number, code: HostsProblemCode, value: string | undefined, other: number | undefined, message: string) {
    this.problems.push({ line, code, value, other, message });
  }
}

/**
 * Reads hosts from pasted or uploaded text, each line in its own format, so a text put together
 * from an /etc/hosts file and a spreadsheet export reads as a whole:
 *  - /etc/hosts style: `ip name [aliases…]` (each alias is one more entry with the same IP);
 *    `name ip` (two columns copied from a table) is read too;
 *  - CSV (a line holding a comma): `name,ip` or `ip,name`; a header row is skipped and sets the
 *    order; otherwise the column holding the address decides, and where neither does (both or
 *    neither look like addresses) the header, or else most of the first CSV lines;
 *  - `#` starts a comment, blank lines are skipped.
 * The same name with the same address again is merged into the first entry (counted in
 * `merged`); the same name with another address is a problem. Every problem names its line; at
 * most `max` entries are accepted.
 */
export function parseHosts(text: string, max: number = MAX_HOSTS): ParsedHosts {
  const rows = splitLines(text);
  if (rows.length === 0) return { hosts: [], lines: [], errors: [], format: 'empty', merged: 0 };
  const checker = new HostChecker();
  const hosts: Host[] = [];
  const lines: number[] = [];
  let entries = 0;
  let merged = 0;
  let firstOverLimit = 0;

  const accept = (name: string, ip: string, line: number) => {
    if (checker.repeats(name, ip)) {
      merged += 1;
      return;
    }
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

  let hostsLines = 0;
  let csvLines = 0;
  let header: CsvOrder | undefined;
  let guessed: CsvOrder | undefined;
  const used = { 'name,ip': 0, 'ip,name': 0 };
  for (const { text: row, line } of rows) {
    if (!row.includes(',')) {
      hostsLines += 1;
      readHostsLine(row, line, accept);
      continue;
    }
    csvLines += 1;
    const cells = splitCsv(row);
    const named = headerOrder(cells);
    if (named) {
      header = named;
      continue;
    }
    if (cells.slice(2).some((x) => x !== '')) {
      checker.add(line, 'extraColumns', cells.join(','), cells.length, `expected 2 columns (name and IP), found ${cells.length}`);
      continue;
    }
    const [a = '', b = ''] = cells;
    const own = lineOrder(a, b);
    const order = own ?? header ?? (guessed ??= guessOrder(rows));
    used[order] += 1;
    if (order === 'name,ip') accept(a, b, line);
    else accept(b, a, line);
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
  const format = csvLines === 0 ? 'hosts' : hostsLines === 0 ? 'csv' : 'mixed';
  const csv: ParsedHosts['csv'] =
    csvLines === 0
      ? undefined
      : {
          header: header !== undefined,
          order: used['name,ip'] > 0 && used['ip,name'] > 0 ? 'both' : used['ip,name'] > 0 ? 'ip,name' : (header ?? 'name,ip'),
        };
  return { hosts, lines, errors, format, csv, merged };
}

/** One /etc/hosts line: `ip name [aliases…]`, or `name ip`, or a lone name or address. */
function readHostsLine(row: string, line: number, accept: (name: string, ip: string, line: number) => void) {
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

function headerOrder(cells: readonly string[]): CsvOrder | undefined {
  const [a = '', b = ''] = cells;
  if (HEADER_NAME.test(a) && HEADER_IP.test(b)) return 'name,ip';
  if (HEADER_IP.test(a) && HEADER_NAME.test(b)) return 'ip,name';
  return undefined;
}

/** The order a CSV line shows by itself: exactly one of its columns looks like an address. */
function lineOrder(a: string, b: string): CsvOrder | undefined {
  const aAddress = isAddressLike(a);
  if (aAddress === isAddressLike(b)) return undefined;
  return aAddress ? 'ip,name' : 'name,ip';
}

/** For lines that do not show their order: the column holding the addresses in most of the first CSV lines. */
function guessOrder(rows: readonly { text: string }[]): CsvOrder {
  let ipFirst = 0;
  let ipSecond = 0;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < GUESS_FROM; i++) {
    const row = rows[i]!.text;
    if (!row.includes(',')) continue;
    seen += 1;
    const [a = '', b = ''] = splitCsv(row);
    if (isAddressLike(a)) ipFirst += 1;
    if (isAddressLike(b)) ipSecond += 1;
  }
  return ipFirst > ipSecond ? 'ip,name' : 'name,ip';
}
