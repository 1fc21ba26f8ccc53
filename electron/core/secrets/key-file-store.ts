/**
 * A `SecretStore` kept in a key file, for tills without an OS keychain whose admin opted in
 * (issue 9, section 1; docs/security-requirements.md, "Keychain"). The file holds the same entries
 * the keychain would (the data-protection key) as a JSON object of strings. It is readable only
 * by the app's user: created with mode 0600, and an existing file whose mode lets the group or
 * others read or write it is refused (`KEYCHAIN_UNAVAILABLE`), never silently tightened, because
 * its key may already have been copied. Every change is written atomically: a temporary file in
 * the same folder (mode 0600, exclusive create), fsync, rename over the old file, fsync the folder,
 * so a crash leaves either the old or the new file, never half of one.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { SecretStore } from '../types';
import { assertSecretKey, assertSecretValue, KeychainUnavailableError } from './errors';

type Entries = Record<string, string>;

/** A key-file failure; its message is for the admin as it stands (no path, no key material). */
export class KeyFileError extends KeychainUnavailableError {}

/** Group and other permission bits. */
const NOT_OWNER_BITS = 0o077;

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Reads the file's entries; {} when it does not exist yet. */
function readEntries(path: string): Entries {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if (isMissing(e)) return {};
    throw new KeyFileError('load', 'The key file beside the database cannot be read.', {
      cause: e,
    });
  }
  if ((mode & NOT_OWNER_BITS) !== 0)
    throw new KeyFileError(
      'load',
      `The key file beside the database can be read or changed by other users (mode ${(mode & 0o777).toString(8)}), so Kassa will not use it. Only the app's user may have access to it (mode 600).`,
    );
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not a JSON object');
    for (const v of Object.values(parsed)) if (typeof v !== 'string') throw new Error('bad entry');
    return parsed as Entries;
  } catch (e) {
    throw new KeyFileError('load', 'The key file beside the database is damaged.', { cause: e });
  }
}

/** Replaces the file with `entries`: temp file (0600) + fsync + rename + fsync of the folder. */
function writeEntries(path: string, entries: Entries): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(entries));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (e) {
    rmSync(temp, { force: true });
    throw new KeyFileError('set', 'The key file beside the database cannot be written.', {
      cause: e,
    });
  }
}

/**
 * The key-file store at `path` (e.g. beside the database). Follows the keytar store's rules: keys
 * and values are non-empty strings, `delete` reports whether a value was there. Errors:
 * `KeychainUnavailableError` when the file is readable by others, damaged or cannot be written.
 */
export function createKeyFileSecretStore(path: string): SecretStore {
  return {
    async get(key) {
      assertSecretKey(key);
      return readEntries(path)[key] ?? null;
    },
    async set(key, value) {
      assertSecretKey(key);
      assertSecretValue(value);
      writeEntries(path, { ...readEntries(path), [key]: value });
    },
    async delete(key) {
      assertSecretKey(key);
      const entries = readEntries(path);
      if (!(key in entries)) return false;
      delete entries[key];
      writeEntries(path, entries);
      return true;
    },
  };
}
