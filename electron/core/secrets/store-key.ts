/**
 * The store key (issue 12; docs/security-requirements.md, "Keychain"): on a store server, the
 * secrets the tills share (TOTP seeds, the SMTP password, the SMS provider's credentials, the
 * one-time codes' HMAC key) are sealed with one random 256-bit key that every till holds and the
 * server cannot open. Each till's own data-protection key stays its own (its audit seal, its
 * store-server password).
 *
 * - Each till derives an X25519 key pair (RFC 9180 DeriveKeyPair) from a random 32-byte seed in its
 *   OS keychain (account `TILL_KEY_ACCOUNT`) and publishes the public key in `tills.public_key`.
 * - The key itself is kept in `store_keys`, once per till, wrapped to that till's public key with
 *   HPKE (RFC 9180, base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, through
 *   `@hpke/core`), with the till's id as additional data so a row moved to another till does not
 *   open. The server, its dumps and its replicas hold it only in forms that a till's keychain opens.
 * - The first till to start on a store with no key makes one (under an EXCLUSIVE lock of
 *   `store_keys`, so two tills starting together make one), and re-seals with it the store secrets
 *   its own data key opens: those of a till's file copied to the server.
 * - A till that holds the key wraps it for every till that published a public key and holds none:
 *   at its start and every 5 s (`share`). A new till can therefore use the store's secrets once
 *   another till of the store has run beside it for a few seconds; before that they answer
 *   STORE_KEY_PENDING.
 */
import { randomBytes } from 'node:crypto';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock, Logger, SecretStore } from '../types';
import { DATA_PROTECTION_KEY_ACCOUNT, DATA_PROTECTION_KEY_BYTES } from './data-key';
import { StoreKeyError } from './errors';
import { KeyFileError } from './key-file-store';

/** The keychain account holding this till's key-pair seed (base64 of 32 random bytes). */
export const TILL_KEY_ACCOUNT = 'till-key-seed';
/** HPKE `info`: binds every wrapped key to this use and version. */
const INFO = new TextEncoder().encode('kassa store key v1');
const VERSION = 'v1';
const PENDING =
  "This till has not received the store's key yet. It arrives a few seconds after another till of the store is running: keep one open, then try again.";
const UNOPENED =
  "The store's key held for this till does not open with the key in its keychain. Restart the till; if that does not help, call support.";

const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

const b64 = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(new Uint8Array(bytes)).toString('base64');
const aad = (tillId: number) => new TextEncoder().encode(`till:${tillId}`);

/**
 * Wraps `key` (32 bytes) for till `tillId` whose public key is `publicKey` (base64):
 * `v1.<enc>.<ciphertext>` (base64).
 */
export async function wrapStoreKey(key: Buffer, tillId: number, publicKey: string) {
  const recipientPublicKey = await suite.kem.deserializePublicKey(
    new Uint8Array(Buffer.from(publicKey, 'base64')),
  );
  const { enc, ct } = await suite.seal(
    { recipientPublicKey, info: INFO },
    new Uint8Array(key),
    aad(tillId),
  );
  return [VERSION, b64(enc), b64(ct)].join('.');
}

/** Whether this till holds the store key (`StoreKey.status`). */
export type StoreKeyStatus = 'held' | 'pending' | 'unavailable';

export interface StoreKeyDeps {
  db: Database;
  /** This till's own secret store (its keychain, or its opted-in key file). */
  secrets: SecretStore;
  tillId: number;
  clock: Clock;
  logger: Logger;
  /** Moves the store secrets this till's data key opens onto a store key it has just made. */
  reseal: Reseal;
}

/** Re-seals the store secrets that `from` opens with `to`, inside the transaction `em`. */
export type Reseal = (em: EntityManager, from: SecretStore, to: SecretStore) => Promise<void>;

export class StoreKey {
  constructor(private readonly d: StoreKeyDeps) {}

  /**
   * At start on a server: publishes this till's public key, makes the store key when the store has
   * none (`prepare`), and shares it. Never throws: without a keychain the till runs, and the
   * store's secrets answer KEYCHAIN_UNAVAILABLE until it has one (an opted-in key file, then the
   * first use prepares).
   */
  async start(): Promise<void> {
    try {
      await this.prepare();
      await this.share();
    } catch (e) {
      this.d.logger.warn('store key: not ready on this till', { error: messageOf(e) });
    }
  }

  /**
   * Publishes this till's public key (a new key pair drops the key wrapped for the old one), and
   * makes the store key when no till holds one (`reseal` moves the secrets this till's data key
   * opens onto it). Inside a caller's write it runs in that transaction (writes nest one deep,
   * database.ts), so a key made there is kept only if the write commits. Errors:
   * KEYCHAIN_UNAVAILABLE without a keychain.
   */
  private async prepare(): Promise<void> {
    const { publicKey } = await this.keyPair();
    const write = (fn: (em: EntityManager) => Promise<void>) =>
      this.d.db.inWrite ? fn(this.d.db.manager) : this.d.db.write(fn);
    const rows = await run<{ public_key: string | null }>(
      this.d.db.manager,
      'SELECT public_key FROM tills WHERE id = ?',
      [this.d.tillId],
    );
    if (rows[0]?.public_key !== publicKey)
      await write(async (em) => {
        // A retired till (storeServer:retireTill) publishes nothing, so none wraps for it.
        await run(em, 'UPDATE tills SET public_key = ? WHERE id = ? AND retired_at IS NULL', [
          publicKey,
          this.d.tillId,
        ]);
        await run(em, 'DELETE FROM store_keys WHERE till_id = ?', [this.d.tillId]);
      });
    const any = await run(this.d.db.manager, 'SELECT 1 FROM store_keys LIMIT 1');
    if (any.length === 0) await write((em) => this.makeIfNone(em, publicKey));
  }

  /** This till's wrapped store key, or null. */
  private async wrapped(): Promise<string | null> {
    const rows = await run<{ wrapped: string }>(
      this.d.db.manager,
      'SELECT wrapped FROM store_keys WHERE till_id = ?',
      [this.d.tillId],
    );
    return rows[0]?.wrapped ?? null;
  }

  /**
   * The store key (32 bytes; the caller may wipe it). Errors: STORE_KEY_PENDING when no till has
   * shared it with this one yet; KEYCHAIN_UNAVAILABLE without a keychain, or when this till's
   * wrapped key does not open (another till's, or one wrapped to a key pair the keychain no longer
   * has: a restart publishes the till's key pair again and drops the row, `start`).
   */
  async key(): Promise<Buffer> {
    let wrapped = await this.wrapped();
    // None yet: the till's keychain may have come since its start (a key file opted in to), or
    // the store may hold no key at all.
    if (!wrapped) {
      await this.prepare();
      wrapped = await this.wrapped();
    }
    if (!wrapped) throw new StoreKeyError('STORE_KEY_PENDING', PENDING);
    return this.open(wrapped);
  }

  /**
   * Whether this till holds the store key, writing nothing to the database (for Settings; the
   * keychain gets this till's key-pair seed if it had none, as at start): `held`, its wrapped
   * key opens; `pending`, none is wrapped for it yet; `unavailable`, its keychain does not answer
   * or the key wrapped for it does not open.
   */
  async status(): Promise<StoreKeyStatus> {
    try {
      const wrapped = await this.wrapped();
      if (wrapped) (await this.open(wrapped)).fill(0);
      else await this.keyPair(); // a keychain that does not answer is `unavailable`
      return wrapped ? 'held' : 'pending';
    } catch (e) {
      if (!(e instanceof StoreKeyError || e instanceof KeyFileError)) throw e;
      return 'unavailable';
    }
  }

  /** Opens `wrapped` with this till's private key (32 bytes). Errors: KEYCHAIN_UNAVAILABLE. */
  private async open(wrapped: string): Promise<Buffer> {
    const { privateKey } = await this.keyPair();
    try {
      const [version, enc, ct] = wrapped.split('.');
      if (version !== VERSION || !enc || !ct) throw new Error('unknown wrapped key format');
      const key = Buffer.from(
        await suite.open(
          { recipientKey: privateKey, enc: new Uint8Array(Buffer.from(enc, 'base64')), info: INFO },
          new Uint8Array(Buffer.from(ct, 'base64')),
          aad(this.d.tillId),
        ),
      );
      if (key.length !== DATA_PROTECTION_KEY_BYTES) throw new Error('wrong key length');
      return key;
    } catch (cause) {
      throw new StoreKeyError('KEYCHAIN_UNAVAILABLE', UNOPENED, { cause });
    }
  }

  /**
   * Wraps the store key for every till that has published a public key and holds none; answers
   * how many. Nothing when this till does not hold the key (it first `prepare`s: publishes its
   * public key, and makes the key if no till holds one). Never throws (a failure is logged).
   */
  async share(): Promise<number> {
    try {
      // One read a round: the tills that hold no key, this one among them if it holds none.
      const lacking = await run<{ id: number; public_key: string | null }>(
        this.d.db.manager,
        `SELECT id, public_key FROM tills t WHERE (public_key IS NOT NULL OR id = ?)
           AND retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM store_keys k WHERE k.till_id = t.id)`,
        [this.d.tillId],
      );
      if (lacking.some((t) => Number(t.id) === this.d.tillId)) await this.prepare();
      const waiting = lacking.filter(
        (t): t is { id: number; public_key: string } =>
          Number(t.id) !== this.d.tillId && t.public_key !== null,
      );
      if (waiting.length === 0) return 0;
      const key = await this.key();
      try {
        const now = this.d.clock.now().toISOString();
        const rows = await Promise.all(
          waiting.map(
            async (t) =>
              [
                Number(t.id),
                t.public_key,
                await wrapStoreKey(key, Number(t.id), t.public_key),
              ] as const,
          ),
        );
        // Kept only while the till's public key is still the one wrapped to: a till that has
        // just published a new one (a new keychain) is wrapped for again at the next round.
        await this.d.db.write(async (em) => {
          for (const [tillId, publicKey, wrapped] of rows)
            await run(
              em,
              `INSERT INTO store_keys (till_id, wrapped, created_at)
               SELECT id, ?, ? FROM tills WHERE id = ? AND public_key = ?
               ON CONFLICT (till_id) DO NOTHING`,
              [wrapped, now, tillId, publicKey],
            );
        });
        return rows.length;
      } finally {
        key.fill(0);
      }
    } catch (e) {
      if (!(e instanceof StoreKeyError && e.code === 'STORE_KEY_PENDING'))
        this.d.logger.warn('store key: not shared', { error: messageOf(e) });
      return 0;
    }
  }

  /**
   * A SecretStore whose data-protection key is the store key, for the services that seal the
   * store's shared secrets (getOrCreateDataProtectionKey reads it; nothing else is kept in it).
   */
  secretStore(): SecretStore {
    return {
      get: async (account) => {
        if (account !== DATA_PROTECTION_KEY_ACCOUNT) return null;
        const key = await this.key();
        try {
          return key.toString('base64');
        } finally {
          key.fill(0);
        }
      },
      set: () => Promise.reject(new StoreKeyError('STORE_KEY_PENDING', PENDING)),
      delete: () => Promise.resolve(false),
    };
  }

  /**
   * Makes the store key when no till holds one: under an EXCLUSIVE lock of `store_keys`, taken in
   * the transaction of `em`, so that of two tills preparing at once the second finds the first's.
   */
  private async makeIfNone(em: EntityManager, publicKey: string): Promise<void> {
    await run(em, 'LOCK TABLE store_keys IN EXCLUSIVE MODE');
    if ((await run(em, 'SELECT 1 FROM store_keys LIMIT 1')).length > 0) return;
    const key = randomBytes(DATA_PROTECTION_KEY_BYTES);
    try {
      await run(em, 'INSERT INTO store_keys (till_id, wrapped, created_at) VALUES (?, ?, ?)', [
        this.d.tillId,
        await wrapStoreKey(key, this.d.tillId, publicKey),
        this.d.clock.now().toISOString(),
      ]);
      await this.d.reseal(em, this.d.secrets, fixedKeyStore(key));
    } finally {
      key.fill(0);
    }
    this.d.logger.info('store key: made for this store');
  }

  /** This till's key pair, derived from the seed in its keychain (made on first use). */
  private async keyPair() {
    let seed: string | null;
    try {
      seed = await this.d.secrets.get(TILL_KEY_ACCOUNT);
      if (seed === null) {
        await this.d.secrets.set(TILL_KEY_ACCOUNT, randomBytes(32).toString('base64'));
        seed = await this.d.secrets.get(TILL_KEY_ACCOUNT);
      }
    } catch (cause) {
      // The key file's own message says what to fix (its mode), as data-key.ts does.
      if (cause instanceof KeyFileError) throw cause;
      throw new StoreKeyError(
        'KEYCHAIN_UNAVAILABLE',
        "The OS keychain is not available, so this till cannot hold the store's key.",
        { cause },
      );
    }
    if (!seed)
      throw new StoreKeyError('KEYCHAIN_UNAVAILABLE', "The keychain did not keep this till's key.");
    const pair = await suite.kem.deriveKeyPair(new Uint8Array(Buffer.from(seed, 'base64')));
    return {
      privateKey: pair.privateKey,
      publicKey: b64(await suite.kem.serializePublicKey(pair.publicKey)),
    };
  }
}

/** A SecretStore holding only `key` as its data-protection key (a copy, so `key` may be wiped). */
function fixedKeyStore(key: Buffer): SecretStore {
  const text = key.toString('base64');
  return {
    get: (account) => Promise.resolve(account === DATA_PROTECTION_KEY_ACCOUNT ? text : null),
    set: () => Promise.reject(new Error('read-only')),
    delete: () => Promise.resolve(false),
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
