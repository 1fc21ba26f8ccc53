/**
 * Password hashing (OWASP Password Storage cheat sheet; ASVS 11.4.2, 6.2.8/6.2.9).
 *
 * - bcrypt with cost ≥ 12, run in a worker thread (bcrypt-worker.ts) so the main process never
 *   freezes (A1).
 * - No silent truncation (A2): bcrypt ignores bytes past 72, so the NFKC-normalised password is
 *   pre-hashed WITHOUT a key, `base64(SHA-256(password))` (44 bytes), and the scheme is recorded
 *   with the hash: `sha256-bcrypt:$2b$12$…`. No key from the keychain is involved, so a lost
 *   keychain cannot lock anyone out.
 * - Hashes below the current cost are reported by `needsRehash` so login can upgrade them (A1).
 * - `bcrypt-legacy:$2a$|$2b$|$2y$…`: a bcrypt hash made by another system and brought in by the
 *   staff import (issue 9, section 7; see ./legacy-bcrypt.ts). It is verified the way that system
 *   made it: against the RAW password, with no NFKC and no pre-hash, and bcrypt's own 72-byte
 *   truncation (see `legacyBcryptKey`). `needsRehash` is always true for it, so the first
 *   successful sign-in stores the password again under `sha256-bcrypt` at cost ≥ 12 (A1).
 */
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import { BcryptWorker } from './bcrypt-worker';
import { LEGACY_BCRYPT_SCHEME, legacyBcryptForCompare } from './legacy-bcrypt';
import { normalisePassword } from './password-policy';

export const BCRYPT_COST = 12;
/** bcrypt's least cost: test cores only (CoreOptions.testPasswordCost). */
const MIN_TEST_COST = 4;
const SCHEME = 'sha256-bcrypt';
const PIN_SCHEME = 'pin-bcrypt';

function prehash(password: string): string {
  return createHash('sha256').update(normalisePassword(password), 'utf8').digest('base64');
}

/**
 * A5: what an unknown user's password is checked against, so that a sign-in for a name that does
 * not exist costs the same bcrypt work as a wrong password for a real member. It is a bcrypt hash
 * at BCRYPT_COST of 32 random bytes that were thrown away when it was made: nothing matches it, it
 * reveals nothing, and no start of the core spends a hash (0.3 s of CPU) making a new one.
 * Another cost (a raised BCRYPT_COST, or a hasher made with more rounds) makes its own dummy.
 */
export const DUMMY_HASH = '$2b$12$gCF35GUMPw7unufRt4lZRe5l.axrAu9T0pTovOf1ynnp/ge98QmuW';

export class PasswordHasher {
  /** The dummy hash for any other cost (made once, of random bytes, when first needed). */
  private dummy: Promise<string> | undefined;
  private readonly worker = new BcryptWorker();

  /**
   * `cost` defaults to BCRYPT_COST and may not be lower (A1), except with `forTests`, which allows
   * bcrypt's own minimum of 4 for test cores (CoreOptions.testPasswordCost).
   */
  constructor(
    private readonly cost: number = BCRYPT_COST,
    opts: { forTests?: boolean } = {},
  ) {
    const least = opts.forTests ? MIN_TEST_COST : BCRYPT_COST;
    if (!Number.isInteger(cost) || cost < least)
      throw new Error(`bcrypt cost must be at least ${least}`);
  }

  /** Returns `sha256-bcrypt:<bcrypt hash>`. About 0.3 s at cost 12, off the event loop's critical path. */
  async hash(password: string): Promise<string> {
    return `${SCHEME}:${await this.worker.hash(prehash(password), this.cost)}`;
  }

  /** Constant-work verification; false for a malformed or unknown-scheme hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const sep = stored.indexOf(':');
    const scheme = sep < 0 ? '' : stored.slice(0, sep);
    if (scheme === LEGACY_BCRYPT_SCHEME) {
      const legacy = legacyBcryptForCompare(stored.slice(sep + 1));
      // The raw password: bcryptjs encodes it as UTF-8 and reads the first 72 bytes, as
      // OpenBSD's bcrypt (and PHP's, Python's, Ruby's) did when the hash was made.
      if (legacy) return this.worker.compare(password, legacy);
    }
    if (scheme !== SCHEME) {
      await this.verifyDummy(password);
      return false;
    }
    return this.worker.compare(prehash(password), stored.slice(sep + 1));
  }

  /**
   * A5: burns the same work as a real verification, for unknown users, so timing does not tell
   * whether a username exists: a compare against a hash of this hasher's cost (DUMMY_HASH when
   * its cost, the digits after `$2b$`, is this one).
   */
  async verifyDummy(password: string): Promise<false> {
    const dummy =
      Number(DUMMY_HASH.slice(4, 6)) === this.cost
        ? DUMMY_HASH
        : await (this.dummy ??= this.worker.hash(randomBytes(16).toString('hex'), this.cost));
    await this.worker.compare(prehash(password), dummy);
    return false;
  }

  /**
   * A till PIN's hash (issue 9, section 5): `pin-bcrypt:<bcrypt of the digits>`, its own random
   * salt, at this hasher's cost, in the worker. A PIN is short, so its strength is the 5-try
   * limit; bcrypt keeps a copied database from giving the PINs away at once.
   */
  async hashPin(pin: string): Promise<string> {
    return `${PIN_SCHEME}:${await this.worker.hash(pin, this.cost)}`;
  }

  /** Whether `pin` matches a stored PIN hash; false for any other stored value. */
  async verifyPin(pin: string, stored: string): Promise<boolean> {
    if (!stored.startsWith(`${PIN_SCHEME}:`)) {
      await this.verifyDummy(pin);
      return false;
    }
    return this.worker.compare(pin, stored.slice(PIN_SCHEME.length + 1));
  }

  /** Stops the worker thread. */
  close(): Promise<void> {
    return this.worker.close();
  }

  /** True when the stored hash uses an older scheme or a lower cost than now (A1). */
  needsRehash(stored: string): boolean {
    const sep = stored.indexOf(':');
    if (sep < 0 || stored.slice(0, sep) !== SCHEME) return true;
    try {
      return bcrypt.getRounds(stored.slice(sep + 1)) < this.cost;
    } catch {
      return true;
    }
  }

  /** Rounds of a stored hash, for tests and audits. */
  static rounds(stored: string): number {
    return bcrypt.getRounds(stored.slice(stored.indexOf(':') + 1));
  }
}
