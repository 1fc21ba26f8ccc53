/**
 * Temporary passwords for admin-created members and admin resets (R1): 130 bits from a CSPRNG,
 * written as 26 Crockford base-32 characters in groups of 4 (easy to read out and type), valid for
 * at most 10 minutes or until first used, stored only as a hash.
 */
import { randomBytes } from 'node:crypto';

export const TEMPORARY_PASSWORD_MINUTES = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateTemporaryPassword(): string {
  const bytes = randomBytes(17); // 136 bits; we use 130 of them
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 26; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{1,4}/g)!.join('-');
}
