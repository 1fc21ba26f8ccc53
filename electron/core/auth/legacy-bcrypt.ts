/**
 * bcrypt hashes made by other systems (issue 9, section 7: "bring staff from another system").
 *
 * What is taken: the modular-crypt form `$2a$`, `$2b$` or `$2y$`, a two-digit cost from 10 to 31,
 * then 53 characters of bcrypt's base-64 alphabet (22 of salt, 31 of hash). OpenBSD, PHP
 * (`password_hash`, which writes `$2y$`), Python's bcrypt and passlib, Ruby, Go and Java all write
 * this form. It is stored as `bcrypt-legacy:<hash>` (A2: the scheme is recorded with every hash).
 *
 * Why cost ≥ 10: below it a stolen hash is cheap to attack (OWASP Password Storage cheat sheet
 * asks for 10 at least); such a member gets a temporary password instead (the file names the row).
 *
 * `$2y$` is PHP's name for the fixed `$2b$` algorithm (crypt_blowfish 1.1): the same computation.
 * It is verified as `$2b$`, so a bcrypt library that knows only `$2a$`/`$2b$` still reads it.
 * (`$2x$`, crypt_blowfish's marker for its old sign-extension bug, is refused: no faithful
 * implementation is at hand.)
 *
 * The 72-byte limit: bcrypt keys on the first 72 bytes of the UTF-8 password (with `$2a$`/`$2b$`,
 * a NUL is appended first, so a password of 72 bytes or more uses exactly its first 72). The old
 * system therefore accepted any password whose first 72 bytes matched, and its members may have
 * typed a long passphrase knowing nothing of it. Kassa verifies a legacy hash exactly as bcrypt
 * does, truncating at 72 bytes (bcryptjs reads the first 72 UTF-8 bytes, splitting a character if
 * the 72nd byte falls inside one, as every C implementation does): refusing a password longer
 * than 72 bytes would lock such members out, and anything else would not match the stored hash.
 * The truncation lasts only until the first sign-in, which stores the whole password under
 * Kassa's own scheme (`sha256-bcrypt`, no truncation: A2).
 */

/** The scheme prefix of an imported bcrypt hash: `bcrypt-legacy:$2b$10$…`. */
export const LEGACY_BCRYPT_SCHEME = 'bcrypt-legacy';
/** The lowest cost taken (OWASP: bcrypt work factor 10 at least). */
export const LEGACY_BCRYPT_MIN_COST = 10;
/** bcrypt's own highest cost (the cost is log2 of the rounds, at most 31). */
export const LEGACY_BCRYPT_MAX_COST = 31;

const MODULAR = /^\$(2[abxy]?)\$(\d\d)\$([./A-Za-z0-9]{53})$/;

/**
 * Why `hash` cannot be imported, in one sentence naming what it looks like, or null when it is a
 * bcrypt hash Kassa takes. `hash` is the `password_hash` cell as written, trimmed.
 */
export function legacyHashProblem(hash: string): string | null {
  const m = MODULAR.exec(hash);
  if (m) {
    const [, variant, costText] = m;
    if (variant !== '2a' && variant !== '2b' && variant !== '2y')
      return `bcrypt variant $${variant}$ is not supported (only $2a$, $2b$ and $2y$).`;
    const cost = Number(costText);
    if (cost < LEGACY_BCRYPT_MIN_COST)
      return `bcrypt cost ${cost} is too low (at least ${LEGACY_BCRYPT_MIN_COST}): leave password_hash empty to give this member a temporary password.`;
    if (cost > LEGACY_BCRYPT_MAX_COST)
      return `bcrypt cost ${cost} is not possible (at most ${LEGACY_BCRYPT_MAX_COST}).`;
    return null;
  }
  return `password_hash is not a bcrypt hash ($2a$, $2b$ or $2y$, cost ${LEGACY_BCRYPT_MIN_COST}-${LEGACY_BCRYPT_MAX_COST})${kindOf(hash)}.`;
}

/** A guess at what a refused hash is, for the reason shown to the admin: ": it looks like …". */
function kindOf(hash: string): string {
  const looks = (what: string) => `: it looks like ${what}`;
  if (/^\$argon2(id|i|d)\$/.test(hash)) return looks('Argon2');
  if (hash.startsWith('$scrypt$') || hash.startsWith('$7$')) return looks('scrypt');
  if (/^(\$pbkdf2|pbkdf2_)/.test(hash)) return looks('PBKDF2');
  if (hash.startsWith('$1$') || hash.startsWith('$apr1$')) return looks('MD5-crypt');
  if (hash.startsWith('$5$')) return looks('SHA-256-crypt');
  if (hash.startsWith('$6$')) return looks('SHA-512-crypt');
  if (/^[0-9a-f]{32}$/i.test(hash)) return looks('an unsalted MD5');
  if (/^[0-9a-f]{40}$/i.test(hash)) return looks('an unsalted SHA-1');
  if (/^[0-9a-f]{64}$/i.test(hash)) return looks('an unsalted SHA-256');
  if (/^[0-9a-f]{128}$/i.test(hash)) return looks('an unsalted SHA-512');
  if (hash.startsWith('$2')) return looks('a damaged bcrypt hash');
  return '';
}

/** The stored form of an accepted hash: `bcrypt-legacy:<hash>`. */
export function legacyStored(hash: string): string {
  return `${LEGACY_BCRYPT_SCHEME}:${hash}`;
}

/**
 * The hash to hand to bcryptjs for a stored legacy hash (the part after `bcrypt-legacy:`), with
 * `$2y$` read as `$2b$` (the same algorithm); null when it is not one Kassa would have imported,
 * so a tampered row never verifies.
 */
export function legacyBcryptForCompare(hash: string): string | null {
  if (legacyHashProblem(hash) !== null) return null;
  return hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash;
}
