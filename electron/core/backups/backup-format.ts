/**
 * The backup file (D4): one file per backup, `kassa-YYYYMMDD-HHMMSS.kassa-backup`.
 *
 *   offset  0  8 bytes  magic "KASSABAK"
 *           8  1 byte   format version (1)
 *           9  1 byte   flags: 1 = encrypted
 *          10 16 bytes  scrypt salt (zeros when not encrypted)
 *          26 12 bytes  AES-GCM IV (zeros when not encrypted)
 *          38 16 bytes  AES-GCM authentication tag (zeros when not encrypted)
 *          54  4 bytes  manifest length, big-endian
 *          58  n bytes  manifest: UTF-8 JSON, readable with `head` (BackupManifest)
 *        58+n  ...      gzip of the SQLite snapshot, encrypted when flag 1 is set
 *
 * Encryption: AES-256-GCM (NIST SP 800-38D) under a key from scrypt (RFC 7914; N=2^15, r=8, p=1)
 * of the admin's passphrase; the whole header with the tag zeroed is the additional authenticated
 * data, so a changed manifest fails like a changed payload. `encryption.keyCheck` (an HMAC of a
 * fixed text under the key) tells a wrong passphrase apart from a damaged file.
 * Integrity: `sha256` is the SHA-256 of the SQLite snapshot; a restore compares it after gunzip.
 *
 * FORMAT_SOURCE is plain JavaScript evaluated inside the backup worker (backup-worker.ts);
 * `readManifest` reads the header on the main thread for the list of backups.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The readable manifest at the head of every backup file. */
export interface BackupManifest {
  /** When the copy was taken (UTC ISO). */
  createdAt: string;
  appVersion: string;
  /** Why: `manual`, `daily`, `shiftClose`, `preMigration`, `preRestore`. */
  reason: string;
  /** The last migration recorded in the copy (the schema version); null for an empty file. */
  schemaVersion: string | null;
  /** Rows in the copy; null when the table does not exist (z_reports before section 1). */
  counts: { sales: number | null; staff: number | null; zReports: number | null };
  /** Size of the SQLite snapshot, bytes. */
  databaseBytes: number;
  /** SHA-256 (hex) of the SQLite snapshot. */
  sha256: string;
  encryption: null | {
    cipher: 'aes-256-gcm';
    kdf: 'scrypt';
    N: number;
    r: number;
    p: number;
    keyCheck: string;
  };
}

export const BACKUP_EXTENSION = '.kassa-backup';
const MAGIC = Buffer.from('KASSABAK', 'latin1');
const FIXED = 58;

export const FORMAT_SOURCE = `
const MAGIC = Buffer.from('KASSABAK', 'latin1');
const TAG_OFFSET = 38, FIXED = 58;
const KDF = { N: 32768, r: 8, p: 1 };
const deriveKey = (passphrase, salt, k) => crypto.scryptSync(passphrase.normalize('NFC'), salt, 32,
  { N: k.N, r: k.r, p: k.p, maxmem: 256 * k.N * k.r });
const keyCheck = (key) => crypto.createHmac('sha256', key).update('kassa-backup-key-check').digest('hex');
function buildHeader(manifest, passphrase) {
  const salt = passphrase ? crypto.randomBytes(16) : Buffer.alloc(16);
  const iv = passphrase ? crypto.randomBytes(12) : Buffer.alloc(12);
  const m = Object.assign({}, manifest, { encryption: null });
  let key = null;
  if (passphrase) {
    key = deriveKey(passphrase, salt, KDF);
    m.encryption = { cipher: 'aes-256-gcm', kdf: 'scrypt', N: KDF.N, r: KDF.r, p: KDF.p, keyCheck: keyCheck(key) };
  }
  const json = Buffer.from(JSON.stringify(m, null, 2) + '\\n', 'utf8');
  const bytes = Buffer.alloc(FIXED + json.length);
  MAGIC.copy(bytes, 0); bytes[8] = 1; bytes[9] = passphrase ? 1 : 0;
  salt.copy(bytes, 10); iv.copy(bytes, 26); bytes.writeUInt32BE(json.length, 54); json.copy(bytes, FIXED);
  let cipher = null;
  if (key) { cipher = crypto.createCipheriv('aes-256-gcm', key, iv); cipher.setAAD(bytes); key.fill(0); }
  return { bytes, cipher };
}
function readHeader(path, passphrase, Fail) {
  const damaged = () => new Fail('BACKUP_DAMAGED', 'This is not a Kassa backup file, or it is damaged.');
  const fd = fs.openSync(path, 'r');
  try {
    const fixed = Buffer.alloc(FIXED);
    if (fs.readSync(fd, fixed, 0, FIXED, 0) < FIXED || !fixed.subarray(0, 8).equals(MAGIC) || fixed[8] !== 1) throw damaged();
    const len = fixed.readUInt32BE(54);
    if (len > 1 << 20) throw damaged();
    const json = Buffer.alloc(len);
    if (fs.readSync(fd, json, 0, len, FIXED) < len) throw damaged();
    let manifest;
    try { manifest = JSON.parse(json.toString('utf8')); } catch { throw damaged(); }
    if (!manifest || typeof manifest.sha256 !== 'string') throw damaged();
    const e = manifest.encryption;
    if ((fixed[9] === 1) !== Boolean(e)) throw damaged();
    let decipher = null;
    if (e) {
      if (!passphrase) throw new Fail('BACKUP_PASSPHRASE', 'This backup is encrypted: enter its passphrase.');
      if (!(e.N > 1 && e.N <= 1 << 20 && e.r > 0 && e.r <= 32 && e.p > 0 && e.p <= 16)) throw damaged();
      const key = deriveKey(passphrase, fixed.subarray(10, 26), e);
      if (keyCheck(key) !== e.keyCheck) throw new Fail('BACKUP_PASSPHRASE', 'The passphrase does not open this backup.');
      decipher = crypto.createDecipheriv('aes-256-gcm', key, fixed.subarray(26, 38));
      decipher.setAuthTag(fixed.subarray(38, 54));
      const aad = Buffer.concat([fixed, json]);
      aad.fill(0, 38, 54);
      decipher.setAAD(aad);
      key.fill(0);
    }
    return { manifest, headerLength: FIXED + len, decipher };
  } finally { fs.closeSync(fd); }
}
`;

/**
 * Reads the manifest of a backup file without its passphrase (for the list of backups); null when
 * the file is not a readable Kassa backup. Reads only the header.
 */
export function readManifest(path: string): BackupManifest | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const fixed = Buffer.alloc(FIXED);
    if (readSync(fd, fixed, 0, FIXED, 0) < FIXED || !fixed.subarray(0, 8).equals(MAGIC))
      return null;
    const len = fixed.readUInt32BE(54);
    if (len > 1 << 20) return null;
    const json = Buffer.alloc(len);
    if (readSync(fd, json, 0, len, FIXED) < len) return null;
    const m = JSON.parse(json.toString('utf8')) as BackupManifest;
    return typeof m?.createdAt === 'string' &&
      !Number.isNaN(Date.parse(m.createdAt)) &&
      typeof m.sha256 === 'string'
      ? m
      : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** `kassa-YYYYMMDD-HHMMSS.kassa-backup` for a UTC instant. */
export function backupFileName(at: Date): string {
  const s = at.toISOString();
  return `kassa-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}${BACKUP_EXTENSION}`;
}

/** True for names this module writes (so a restore cannot be pointed at any other file). */
export function isBackupFileName(name: string): boolean {
  return /^kassa-\d{8}-\d{6}(-\d{1,4})?\.kassa-backup$/.test(name);
}
