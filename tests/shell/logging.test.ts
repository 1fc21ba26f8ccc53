/**
 * Logging set-up: L3 (control characters encoded, one event per line) and L1 (secrets never
 * written). electron-log is mocked; no `initialize()` (it would add a preload, E2).
 */
import { describe, expect, it, vi } from 'vitest';

const lines: string[] = [];
const fakeLog = {
  transports: {
    file: { level: 'silly' as unknown, maxSize: 0 },
    console: { level: 'silly' as unknown },
  },
  errorHandler: { startCatching: vi.fn() },
  initialize: vi.fn(),
  info: (line: string) => lines.push(`info ${line}`),
  warn: (line: string) => lines.push(`warn ${line}`),
  error: (line: string) => lines.push(`error ${line}`),
};
vi.mock('electron-log/main', () => ({ default: fakeLog }));
const { encodeLogText, formatLogEntry, redactMeta, setUpLogging } =
  await import('../../electron/main/logging');

describe('logging', () => {
  it('L3: CR, LF, NUL, C1 controls, line separators and bidi overrides are encoded', () => {
    expect(encodeLogText('alice\r\nINFO forged line')).toBe('alice\\r\\nINFO forged line');
    expect(encodeLogText('a\u0000b\u0085c\u2028d\u202ee\tf')).toBe(
      'a\\u0000b\\u0085c\\u2028d\\u202ee\\tf',
    );
    expect(encodeLogText('plain – ünïcode ✓')).toBe('plain – ünïcode ✓');
  });

  it('L1: secret-looking keys are redacted at any depth; cycles do not hang', () => {
    const cyclic: Record<string, unknown> = { username: 'bob' };
    cyclic.self = cyclic;
    expect(
      redactMeta({
        password: 'canary-Pw-123',
        nested: { newPassword: 'x', totpCode: '123456', token: 't' },
        cyclic,
      }),
    ).toEqual({
      password: '[redacted]',
      nested: { newPassword: '[redacted]', totpCode: '[redacted]', token: '[redacted]' },
      cyclic: { username: 'bob', self: '[circular]' },
    });
  });

  it('setUpLogging configures the file transport, never calls initialize(), and writes one line per event', () => {
    const logger = setUpLogging({ isPackaged: true });
    expect(fakeLog.transports.file.level).toBe('info');
    expect(fakeLog.transports.file.maxSize).toBe(5 * 1024 * 1024);
    expect(fakeLog.transports.console.level).toBe(false);
    expect(fakeLog.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });
    expect(fakeLog.initialize).not.toHaveBeenCalled();

    logger.warn('login failed for "eve\nadmin"', {
      username: 'eve\nadmin',
      password: 'canary-Pw-123',
    });
    logger.info('ok');
    logger.error('bad', { error: new Error('x\ny') });
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    expect(lines.join(' ')).not.toContain('canary-Pw-123');
    expect(formatLogEntry('m')).toBe('m');
  });

  it('development builds also log to the console', () => {
    setUpLogging({ isPackaged: false });
    expect(fakeLog.transports.console.level).toBe('debug');
  });
});
