import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  parsePasswordHash,
  unmatchableHash,
  verifyPassword,
} from './password-hash.ts';

const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('write scrypt$N$r$p$salt$hash with the parameters used and a fresh salt', async () => {
    const a = await hashPassword('correct horse', FAST);
    const b = await hashPassword('correct horse', FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
  });

  it('default to OWASP-grade scrypt parameters', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 3 });
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$3\$/);
  });

  it('verify the right password only', async () => {
    const parsed = parsePasswordHash(await hashPassword('s3cret-Ünïcode', FAST))!;
    expect(await verifyPassword('s3cret-Ünïcode', parsed)).toBe(true);
    // NFC and NFD spellings of the same text are the same password.
    expect(await verifyPassword('s3cret-Ünïcode'.normalize('NFD'), parsed)).toBe(true);
    expect(await verifyPassword('s3cret-Ünïcodf', parsed)).toBe(false);
    expect(await verifyPassword('', parsed)).toBe(false);
  });

  it('refuse strings that are not hashes, or ask for unbounded work', () => {
    for (const bad of [
      '',
      'hunter2',
      'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA',
      'bcrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
      'scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
      'scrypt$2097152$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
      'scrypt$1048576$32$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
      'scrypt$1024$8$1$short$aGFzaGhhc2hoYXNoaGFzaA',
      'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$not base64!',
    ]) {
      expect(parsePasswordHash(bad), bad).toBeUndefined();
    }
  });

  it('an unmatchable hash matches nothing and costs a real derivation', async () => {
    const dummy = unmatchableHash(FAST);
    expect(dummy).toMatchObject(FAST);
    expect(await verifyPassword('anything', dummy)).toBe(false);
  });
});
