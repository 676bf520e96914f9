import { randomBytes } from 'node:crypto';

const AK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SK_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  // 256 % 62 != 0: rejection sampling keeps the characters uniform.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** Throw-away demo credentials shaped like the provider's (20-character AK, 40-character SK). */
export function randomCredentials(): { ak: string; sk: string } {
  return { ak: randomString(AK_ALPHABET, 20), sk: randomString(SK_ALPHABET, 40) };
}
