import { isIP } from 'node:net';
import * as z from 'zod';

/** A setting is missing or malformed. `settings` names them; the message never holds a value. */
export class ConfigError extends Error {
  constructor(
    readonly settings: string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function fail(issues: { setting: string; message: string }[]): never {
  const settings = [...new Set(issues.map((i) => i.setting))];
  const lines = issues.map((i) => `  ${i.setting} ${i.message}`);
  throw new ConfigError(settings, `Invalid configuration:\n${lines.join('\n')}`);
}

/** Huawei Cloud project ids are 32 lower-case hexadecimal characters (a UUID without dashes). */
export const PROJECT_ID = /^[0-9a-f]{32}$/;
export const PROJECT_ID_RULE = 'must be 32 lower-case hexadecimal characters (the project id shown under "My Credentials")';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https only, except plain http to this machine (the simulator); no query, fragment or user info. */
export const endpointUrl = z.string().superRefine((raw, ctx) => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://dli.cn-north-4.myhuaweicloud.com' });
    return;
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname))) {
    ctx.addIssue({ code: 'custom', message: 'must be an https:// URL (http:// is allowed only for 127.0.0.1 or localhost)' });
  }
  if (u.username || u.password || u.search || u.hash) {
    ctx.addIssue({ code: 'custom', message: 'must not contain user info, a query or a fragment' });
  }
});

/**
 * TRUST_PROXY, passed to Express's `trust proxy`: `true` (trust every hop: only behind a proxy
 * that overwrites X-Forwarded-For), a hop count, or a comma list of addresses, CIDR ranges and
 * the names loopback, linklocal, uniquelocal. Unset: X-Forwarded-* are ignored.
 */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(token: string): boolean {
  if (PROXY_NAMES.has(token)) return true;
  const [addr, bits, ...rest] = token.split('/');
  if (rest.length > 0 || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export const trustProxySetting = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const tokens = v.split(',').map((t) => t.trim());
  if (tokens.length > 0 && tokens.every(isAddressOrRange)) return tokens;
  ctx.addIssue({
    code: 'custom',
    message: 'must be true, a hop count 1–10, or a comma list of proxy addresses/CIDR ranges (or loopback, linklocal, uniquelocal)',
  });
  return z.NEVER;
});
