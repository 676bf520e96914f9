import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes are scrypt (memory-hard, in node:crypto) written as
 * `scrypt$N$r$p$salt$hash`, salt and hash base64url. The parameters travel in the string, so they
 * can be raised later without invalidating existing hashes. The default is one of OWASP's
 * equivalent scrypt settings (N=2^15, r=8, p=3: 32 MiB, a fraction of a second per check).
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Upper bound on what a hash string may make us allocate (128·N·r bytes). */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

export interface ParsedHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Reads a hash string; undefined when it is not one we wrote or its parameters are out of bounds. */
export function parsePasswordHash(encoded: string): ParsedHash | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s!) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  const [saltText, hashText] = [parts[4]!, parts[5]!];
  if (!B64URL.test(saltText) || !B64URL.test(hashText)) return undefined;
  const params = { N, r, p };
  if (!paramsAcceptable(params)) return undefined;
  const salt = Buffer.from(saltText, 'base64url');
  const hash = Buffer.from(hashText, 'base64url');
  if (salt.length < 16 || hash.length < 16 || hash.length > 64) return undefined;
  return { ...params, salt, hash };
}

function paramsAcceptable({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = Number.isInteger(N) && N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return (
    powerOfTwo &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16 &&
    128 * N * r <= MAX_MEMORY_BYTES
  );
}

function derive(
  password: string,
  salt: Buffer,
  keyLength: number,
  params: ScryptParams,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  if (!paramsAcceptable(params)) throw new Error('scrypt parameters out of bounds');
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, KEY_BYTES, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** Derives and compares in constant time. */
export async function verifyPassword(password: string, stored: ParsedHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.hash.length, stored);
  return timingSafeEqual(candidate, stored.hash);
}

/**
 * A hash no password matches, with the given parameters: checked for unknown usernames so that
 * answering "no such user" costs as long as a wrong password.
 */
export function unmatchableHash(params: ScryptParams): ParsedHash {
  return { ...params, salt: randomBytes(SALT_BYTES), hash: randomBytes(KEY_BYTES) };
}
