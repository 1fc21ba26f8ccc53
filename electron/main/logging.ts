/**
 * Main-process logging through electron-log (file + console), adapted to the core's `Logger`.
 *
 * L1: secrets are never logged: metadata keys that look like passwords, codes or tokens are
 * replaced by `[redacted]` before anything is written. L3: CR, LF, other control characters and
 * bidi overrides in logged values are encoded (`\n`, `\u202e`), so one event is one log line.
 * E2: electron-log's `initialize()` is deliberately NOT called: it would add its own preload to
 * every session and expose an extra object to the renderer.
 */
import log from 'electron-log/main';
import type { Logger } from '../core/types';

/** Metadata keys whose values are never written (L1). */
const SECRET_KEY = /pass(word)?|secret|token|otp|recovery|seed|session.?id|cookie|authorization/i;
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Encodes control characters (CR, LF, TAB, NUL, C1) and Unicode line/paragraph separators and
 * bidi controls as escapes, so a value can never start a new log line or reorder it (L3).
 */
export function encodeLogText(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A copy of `meta` with secret-looking keys redacted (L1), at any depth. Cycles become
 * `[circular]`; depth is capped at 5.
 */
export function redactMeta(meta: Record<string, unknown>): Record<string, unknown> {
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object')
      return typeof value === 'bigint' ? value.toString() : value;
    if (value instanceof Error) return { name: value.name, message: value.message };
    if (seen.has(value)) return '[circular]';
    if (depth >= 5) return '[truncated]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : walk(item, depth + 1);
    return out;
  };
  return walk(meta, 0) as Record<string, unknown>;
}

/** One log line: the encoded message, then the redacted metadata as encoded JSON. */
export function formatLogEntry(message: string, meta?: Record<string, unknown>): string {
  const text = encodeLogText(message);
  return meta === undefined ? text : `${text} ${encodeLogText(JSON.stringify(redactMeta(meta)))}`;
}

/**
 * Configures electron-log for the main process and returns a `Logger` for the core and shell.
 * File: `<userData>/logs/main.log`, level info, rotated at 5 MB. Console: debug in development,
 * off when packaged. Uncaught errors are logged (no dialog).
 */
export function setUpLogging(options: { isPackaged: boolean }): Logger {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.console.level = options.isPackaged ? false : 'debug';
  log.errorHandler.startCatching({ showDialog: false });
  return {
    info: (message, meta) => log.info(formatLogEntry(message, meta)),
    warn: (message, meta) => log.warn(formatLogEntry(message, meta)),
    error: (message, meta) => log.error(formatLogEntry(message, meta)),
  };
}
