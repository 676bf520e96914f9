import { IPV4 } from './values.ts';

// Pure IPv4 / CIDR / address helpers shared by the web (doctor diagnosis, forms), the BFF's schemas
// and the simulator's connectivity model. Nothing here imports zod.

/** `a.b.c.d/n` with n 0–32; the network address must have its host bits zero. */
export const CIDR = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/;

/** A host name as DLI hosts hold them (letters, digits, `_ - .`, starting with a letter). */
export const ADDRESS_HOST = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;

export function ipv4ToInt(ip: string): number | undefined {
  if (!IPV4.test(ip)) return undefined;
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface ParsedCidr {
  network: number;
  prefix: number;
}

/** Why a CIDR text is refused, or the parsed range. */
export function parseCidr(text: string): ParsedCidr | { error: 'format' | 'prefix' | 'host-bits' } {
  const m = CIDR.exec(text);
  if (!m) return { error: 'format' };
  const network = ipv4ToInt(m[1]!);
  if (network === undefined) return { error: 'format' };
  const prefix = Number(m[2]);
  if (prefix > 32) return { error: 'prefix' };
  if (network % 2 ** (32 - prefix) !== 0) return { error: 'host-bits' };
  return { network, prefix };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const parsed = parseCidr(cidr);
  const addr = ipv4ToInt(ip);
  if ('error' in parsed || addr === undefined) return false;
  const size = 2 ** (32 - parsed.prefix);
  return addr >= parsed.network && addr < parsed.network + size;
}

/** The /`prefix` network holding `ip` (e.g. 172.16.5.10, 24 → 172.16.5.0/24): a fix's pre-filled CIDR. */
export function networkOf(ip: string, prefix = 24): string | undefined {
  const addr = ipv4ToInt(ip);
  if (addr === undefined) return undefined;
  const size = 2 ** (32 - prefix);
  return `${intToIpv4(Math.floor(addr / size) * size)}/${prefix}`;
}

export type ParsedAddress =
  | { ok: true; host: string; port: number | undefined; isIp: boolean }
  | { ok: false; reason: 'host' | 'port' };

/**
 * A connectivity-test address: `host` or `host:port`, host an IPv4 address or a host name, port
 * 1–65535 (the provider's "IP address or domain name : port").
 */
export function parseAddress(text: string): ParsedAddress {
  const i = text.lastIndexOf(':');
  const host = i < 0 ? text : text.slice(0, i);
  const portText = i < 0 ? undefined : text.slice(i + 1);
  const isIp = IPV4.test(host);
  if (!isIp && (!ADDRESS_HOST.test(host) || /^\d+(\.\d+){3}$/.test(host))) return { ok: false, reason: 'host' };
  if (portText === undefined) return { ok: true, host, port: undefined, isIp };
  if (!/^\d{1,5}$/.test(portText)) return { ok: false, reason: 'port' };
  const port = Number(portText);
  if (port < 1 || port > 65535) return { ok: false, reason: 'port' };
  return { ok: true, host, port, isIp };
}
