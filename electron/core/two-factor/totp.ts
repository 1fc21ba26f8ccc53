/**
 * TOTP as Kassa configures it (RFC 6238 through `otpauth`): HMAC-SHA-1, 6 digits, 30-second step,
 * ±1 step of clock drift (T1), seeds of 160 bits from the OS CSPRNG (T3; RFC 4226 R6).
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** T1: one step either side of now, at most. */
export const TOTP_WINDOW = 1;
/** T3: 20 bytes = 160 bits. */
export const SEED_BYTES = 20;
export const ISSUER = 'Kassa';

/** A new random seed (20 bytes from crypto.randomBytes). */
export function newSeed(): Buffer {
  return randomBytes(SEED_BYTES);
}

/**
 * The TOTP generator for `seed`. `label` is the account name an authenticator app shows: the
 * username, with the store name in brackets when there is one.
 */
export function totpFor(seed: Buffer, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: new Secret({ buffer: Uint8Array.from(seed).buffer }),
  });
}

/** The seed in base32 (RFC 4648, no padding), as authenticator apps take it. */
export function base32(seed: Buffer): string {
  return new Secret({ buffer: Uint8Array.from(seed).buffer }).base32;
}

/** The 30-second step number at `at` (RFC 6238 T = floor(unix seconds / 30)). */
export function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The step a 6-digit `code` belongs to, within ±1 step of `at` (T1), or null when it matches none.
 * Comparison is otpauth's (constant time per candidate).
 */
export function matchingStep(seed: Buffer, code: string, at: Date): number | null {
  const delta = totpFor(seed).validate({
    token: code,
    timestamp: at.getTime(),
    window: TOTP_WINDOW,
  });
  return delta === null ? null : stepAt(at) + delta;
}
