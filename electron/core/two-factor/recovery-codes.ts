/**
 * T3: 10 single-use recovery codes per enrolment, shown once and stored hashed.
 *
 * Each code is 80 random bits (crypto.randomBytes(10)) written as 16 Crockford-style base32
 * characters in four groups (`ABCD-EFGH-JKMN-PQRS`). With 80 bits of entropy a brute-force search
 * of a stolen hash is out of reach, so a plain SHA-256 suffices (as for session tokens, OWASP
 * Password Storage Cheat Sheet: slow hashes are for low-entropy secrets); it also keeps the
 * check constant and fast under the A8 write lock. Matching is by hash lookup.
 */
import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford base32: no I, L, O, U, so codes read aloud or typed are not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** One new code: 80 bits as 16 characters, grouped by 4 with dashes. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of a typed recovery code (upper case, no dashes or spaces, O→0, I/L→1 as
 * Crockford reads them), or null when it cannot be one.
 */
export function canonicalRecoveryCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(s) ? s : null;
}

/** SHA-256 (hex) of a canonical code. */
export function hashRecoveryCode(canonical: string): string {
  return createHash('sha256').update(`kassa-recovery:${canonical}`).digest('hex');
}
