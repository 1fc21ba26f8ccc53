/**
 * The shaped strings of the fuzz oracle (F4), written from their standards and the domain rules:
 * for each format, random valid values, a valid value of exactly n code units (for the length
 * boundaries), and hand-picked values of the wrong shape.
 */
import fc from 'fast-check';
import type { Format } from './fuzz-oracle-rules';

export interface FormatSpec {
  valid: fc.Arbitrary<string>;
  /** A valid value of exactly `n` code units (only asked for formats with a length cap). */
  atLength(n: number): string;
  /** Values of the wrong shape, at an allowed length. */
  wrong: readonly string[];
}

/** 'x' repeated, cached: the CSV caps need strings of 20 and 50 million characters. */
const repeats = new Map<string, string>();
export function repeat(ch: string, n: number): string {
  const key = `${ch}:${n}`;
  let s = repeats.get(key);
  if (s === undefined) {
    s = ch.repeat(n);
    if (n > 100_000) repeats.set(key, s);
  }
  return s;
}

const lowerAlnum = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-z0-9]{${min},${max}}$`));
/** Printable ASCII without space, U+0021..U+007E. */
const printable = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[\\x21-\\x7e]{${min},${max}}$`));
const day = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

export const FORMATS: Readonly<Record<Format, FormatSpec>> = {
  // 3..32 of a-z 0-9 . _ - ; letters in either case (stored lower-case).
  username: {
    valid: fc
      .tuple(fc.stringMatching(/^[a-z0-9._-]{3,32}$/), fc.boolean())
      .map(([s, up]) => (up ? s.toUpperCase() : s)),
    atLength: (n) => repeat('u', n),
    wrong: ['has space', 'ünïcode', 'a@b', 'semi;colon', 'dollar$'],
  },
  // RFC 5321 caps an address at 254; the usual dot-atom local part and a dotted domain.
  email: {
    valid: fc
      .tuple(lowerAlnum(1, 20), lowerAlnum(1, 10), fc.constantFrom('test', 'co.uk', 'shop'))
      .map(([l, d, tld]) => `${l}@${d}.${tld}`),
    atLength: (n) => `${repeat('e', n - 10)}@shop.test`,
    wrong: [
      'no-at-sign',
      'a@b',
      '@shop.test',
      'a b@shop.test',
      'a..b@shop.test',
      'a@',
      'a@@b.test',
    ],
  },
  // Anything typed; the policy is the auth service's (A3).
  password: {
    valid: fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
    atLength: (n) => repeat('p', n),
    wrong: [],
  },
  // Printable characters of any script, single inner spaces; either case (stored upper-case).
  sku: {
    valid: fc
      .tuple(printable(1, 12), fc.option(printable(1, 12), { nil: undefined }))
      .map(([a, b]) => (b ? `${a} ${b}` : a)),
    atLength: (n) => repeat('S', n),
    wrong: ['A  B', 'A\tB', 'A\u00a0B', 'A\u200bB'],
  },
  // What a scanner types: printable ASCII, no spaces.
  barcode: {
    valid: printable(1, 20),
    atLength: (n) => repeat('7', n),
    wrong: ['A B', 'café', '12\t34'],
  },
  // Digits with an optional leading +, spaces, dots, dashes, brackets; 4..15 digits (E.164).
  phone: {
    valid: fc
      .tuple(
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '', ' ', '-', '.')), {
          minLength: 4,
          maxLength: 15,
        }),
      )
      .map(
        ([plus, ds]) =>
          (plus ? '+' : '') +
          ds
            .map(([d, sep]) => `${d}${sep}`)
            .join('')
            .trim(),
      ),
    atLength: (n) => {
      const digits = Math.min(15, n);
      return `1${repeat('-', n - digits)}${repeat('2', digits - 1)}`;
    },
    wrong: ['1234567890123456', 'abc1234', '12+34', '+-.()', '0800 FLOWERS'],
  },
  // RFC 4122 (9562), either case.
  uuid: {
    valid: fc
      .tuple(fc.uuid({ version: [1, 4, 7] }), fc.boolean())
      .map(([u, up]) => (up ? u.toUpperCase() : u)),
    atLength: () => {
      throw new Error('a UUID has no length boundary');
    },
    wrong: [
      'not-a-uuid',
      '123e4567e89b42d3a456426614174000',
      '123e4567-e89b-42d3-a456-42661417400g',
      '{123e4567-e89b-42d3-a456-426614174000}',
      '123e4567-e89b-42d3-a456-4266141740000',
    ],
  },
  // ISO 8601 calendar date, YYYY-MM-DD, a real day.
  date: {
    valid: day.map((d) => d.toISOString().slice(0, 10)),
    atLength: () => {
      throw new Error('a date has no length boundary');
    },
    wrong: [
      '2026-02-30',
      '2026-13-01',
      '26-11-23',
      '2026-11-23T00:00:00Z',
      '2026/11/23',
      '2026-1-1',
    ],
  },
  // ISO 8601 UTC instant with a Z (times are stored UTC).
  timestamp: {
    valid: day.map((d) => d.toISOString()),
    atLength: () => {
      throw new Error('a timestamp has no length boundary');
    },
    wrong: [
      '2026-11-23 10:00:00',
      '2026-11-23T10:00:00+01:00',
      'yesterday',
      '2026-11-23',
      '2026-11-23T25:00:00Z',
    ],
  },
  // ISO 4217 codes the platform knows, in either case (M1).
  currency: {
    valid: fc.constantFrom('GBP', 'EUR', 'USD', 'JPY', 'KWD', 'CHF', 'gbp', ' eur '),
    atLength: () => {
      throw new Error('a currency code has no length boundary');
    },
    wrong: ['GB', 'GBPP', 'ABC', '£', 'G1P', ''],
  },
  // IANA time zone names.
  timeZone: {
    valid: fc.constantFrom(
      'Europe/London',
      'America/New_York',
      'Asia/Tokyo',
      'UTC',
      'Australia/Lord_Howe',
      'Europe/Berlin',
    ),
    atLength: () => {
      throw new Error('a time zone has no length boundary');
    },
    wrong: ['Mars/Olympus', 'Europe/Londn', '', `Europe/London${'x'.repeat(60)}`],
  },
  // ISO 3166-1 alpha-2, either case (stored upper-case); CLDR's non-country codes refused.
  country: {
    valid: fc.constantFrom('GB', 'DE', 'US', 'AT', 'CH', 'JP', 'gb', ' de '),
    atLength: () => {
      throw new Error('a country code has no length boundary');
    },
    wrong: ['UK', 'EU', 'XX', 'GBR', 'G1', 'ZZ', ''],
  },
  // BCP 47 (RFC 5646) tags in a language the screens speak (English, German), any case.
  locale: {
    valid: fc.constantFrom('en-GB', 'de-DE', 'de-AT', 'en-US', 'de-CH', 'de-de', ' en-GB ', 'de'),
    atLength: () => {
      throw new Error('a locale has no length boundary');
    },
    wrong: ['fr-FR', 'en_GB', 'english', 'x', '', 'de-DE-!!', 'zz-ZZ'],
  },
  // Receipt lines: up to 6 lines of display text, at most 300 code units after each line is trimmed.
  receiptText: {
    valid: fc
      .array(fc.stringMatching(/^[A-Za-z0-9 ,.'-]{0,40}$/), { minLength: 1, maxLength: 6 })
      .map((lines) => lines.join('\n')),
    atLength: (n) => repeat('r', n),
    wrong: ['1\n2\n3\n4\n5\n6\n7', 'a\u0000b', 'a\u202eb', 'a\u001bb', 'a\ud800b'],
  },
  // Issue 9, section 2: a role's id is a row key: the seeded ids or generated `r-<12 hex>`, any
  // 1..32 of a-z 0-9 _ - not starting with _ or - (an unknown one is NOT_FOUND, not invalid).
  roleId: {
    valid: fc.oneof(
      fc.constantFrom('admin', 'manager', 'cashier'),
      fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,31}$/),
    ),
    atLength: (n) => repeat('r', n),
    wrong: ['Admin', 'has space', '-lead', '_x', 'ünï', 'a.b', ' admin'],
  },
  // A code at a 2FA prompt: 6 digits or a recovery code; letters, digits, spaces, dashes.
  otpCode: {
    valid: fc.oneof(
      fc.stringMatching(/^[0-9]{6}$/),
      fc.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{4,38}[A-Za-z0-9]$/),
    ),
    atLength: (n) => repeat('7', n),
    wrong: ['123_456', '123456;', 'ABCD\nEFGH', 'café12', '12345\u0000'],
  },
  // An OS printer's name as the system lists it (issue 10): `lpstat -p`, or Windows' names with
  // spaces and shared printers. Passed as one argument to `lp -d` or to the Windows spooler, so
  // only control characters (L3) and a leading `-` (an option of lp) are refused.
  printerQueue: {
    valid: fc.constantFrom(
      'Receipt_1',
      'EPSON-TM.T20',
      'front@desk',
      ' Kitchen ',
      'EPSON TM-T20III Receipt',
      '\\\\KASSE-2\\Bon',
      'Büro (oben)',
    ),
    atLength: (n) => repeat('q', n),
    wrong: ['-o', ' -o', 'a\nb', 'q\u0000', 'a\u202eb', '\u001b'],
  },
  // Where SMS credentials may go (issue 9, section 4): https, or http on loopback only.
  providerUrl: {
    valid: fc
      .tuple(
        // Loopback with nothing listening, so a test send fails at once instead of waiting.
        fc.constantFrom('http://127.0.0.1:9', 'http://localhost:9', 'http://[::1]:9'),
        fc.stringMatching(/^(\/[a-z0-9]{1,10}){0,2}$/),
      )
      .map(([origin, path]) => origin + path),
    atLength: (n) => `http://127.0.0.1:9/${repeat('p', n - 19)}`,
    wrong: [
      'http://sms.example.com',
      'ftp://sms.example.com',
      'https://user:pw@sms.example.com',
      'https://sms.example.com/?key=1',
      'javascript:alert(1)',
      'sms.example.com',
      '',
    ],
  },
  // A file's text: anything, capped by size.
  csv: {
    valid: fc.string({ minLength: 1, maxLength: 200 }),
    atLength: (n) => repeat('a', n),
    wrong: [],
  },
  // Issue 9, section 5: a till PIN is 4..8 ASCII digits, nothing else (no other script's digits).
  pin: {
    valid: fc.stringMatching(/^[0-9]{4,8}$/),
    atLength: (n) => repeat('7', n),
    wrong: ['12a4', '12 34', '١٢٣٤', '１２３４', '-1234', '+1234', '12.4', '\u00001234'],
  },
  // An SMTP host: a host name (RFC 1123) or an IP address; letters, digits, dot, dash, colon.
  mailHost: {
    valid: fc.constantFrom('smtp.shop.test', '127.0.0.1', 'MAIL.Example.com', '::1', ' relay '),
    atLength: (n) => repeat('h', n),
    wrong: ['has space', 'smtp_shop.test', 'a/b', 'ünï.test', 'host;rm'],
  },
  // Issue 12: a CA certificate as PEM text (RFC 7468): it must hold a certificate's first line.
  caPem: {
    valid: fc
      .stringMatching(/^[A-Za-z0-9+/=\n]{0,64}$/)
      .map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`),
    // Shorter than the first line, it is cut and so no certificate (min length - 1).
    atLength: (n) =>
      n >= 27
        ? `-----BEGIN CERTIFICATE-----${repeat('A', n - 27)}`
        : '-----BEGIN CERTIFICATE-----'.slice(0, n),
    wrong: ['not a certificate', '-----BEGIN PRIVATE KEY-----\nAAAA\n', 'BEGIN CERTIFICATE'],
  },
  // A verification code: six digits, typed with spaces or a dash if the member likes (issue 9).
  sixDigits: {
    valid: fc
      .tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('', ' ', '-'))
      .map(([n, sep]) => {
        const d = String(n).padStart(6, '0');
        return `${d.slice(0, 3)}${sep}${d.slice(3)}`;
      }),
    atLength: () => {
      throw new Error('a code has no length boundary');
    },
    wrong: ['12345', '1234567', 'abcdef', '12a456', '١٢٣٤٥٦'],
  },
  // A reset code: 16 Crockford base32 characters (80 bits), any case, in groups (OWASP).
  resetCode: {
    valid: fc
      .stringMatching(/^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{16}$/)
      .map((s) => s.match(/.{4}/g)!.join('-')),
    atLength: () => {
      throw new Error('a code has no length boundary');
    },
    wrong: ['SHORT', 'UUUUUUUUUUUUUUUU', '0123456789ABCDEF0', '0123456789ABCDE!'],
  },
  // Issue 10, section 5: an absolute folder (POSIX, a Windows drive or a UNC share). Valid
  // values stay under /tmp (the fuzz may write there); a Windows path is refused on Linux.
  backupFolder: {
    valid: fc.stringMatching(/^[a-z0-9]{1,20}$/).map((d) => `/tmp/kassa-fuzz-backups/${d}`),
    atLength: (n) =>
      n < 6 ? `D:\\${repeat('x', Math.max(0, n - 3))}`.slice(0, n) : `/tmp/${repeat('f', n - 5)}`,
    wrong: ['relative/path', 'backups', '~/backups', '/tmp/a\u0007b', '/tmp/\u202eevil'],
  },
  // 10..200 characters without control or bidi-override characters.
  backupPassphrase: {
    valid: fc.stringMatching(/^[\x21-\x7e ]{10,40}$/),
    atLength: (n) => repeat('p', n),
    wrong: ['ten chars\u0000', 'passphrase\u202e'],
  },
  // What Kassa names its backup files; nothing else can be restored.
  backupFileName: {
    valid: fc
      .tuple(fc.stringMatching(/^\d{8}-\d{6}$/), fc.option(fc.stringMatching(/^\d{1,4}$/)))
      .map(([t, n]) => `kassa-${t}${n === null ? '' : `-${n}`}.kassa-backup`),
    atLength: (n) => `kassa-20260101-000000-${repeat('1', n - 35)}.kassa-backup`,
    wrong: ['../kassa.sqlite', 'kassa.sqlite', 'kassa-2026-01-01.kassa-backup', 'x.kassa-backup'],
  },
  // Issue 10, section 2: a printer's receipt header or footer, 0..4 lines of at most 32
  // characters (the 58 mm paper's columns; 80 mm takes 48), no control or bidi characters.
  printerLines: {
    valid: fc
      .array(fc.stringMatching(/^[A-Za-z0-9 ,.'-]{0,32}$/), { minLength: 1, maxLength: 4 })
      .map((lines) => lines.join('\n')),
    atLength: () => {
      throw new Error('printer lines are capped per line, checked with the paper');
    },
    wrong: ['1\n2\n3\n4\n5', 'a\u0000b', 'a\u202eb', repeat('w', 49)],
  },
  // A receipt logo: a binary PBM (P4) in base64, at most 576 × 255 dots (384 wide fits 58 mm).
  pbmLogo: {
    valid: fc
      .tuple(fc.integer({ min: 1, max: 384 }), fc.integer({ min: 1, max: 64 }))
      .map(([w, h]) => pbm(w, h)),
    atLength: () => {
      throw new Error('a logo is capped by its dots');
    },
    wrong: [
      '@@@@',
      Buffer.from('P1\n1 1\n1').toString('base64'),
      pbm(577, 1),
      pbm(8, 256),
      pbm(16, 8).slice(0, -4),
    ],
  },
};

/** A PBM image (P4) of width × height dots in base64, its dots a checkerboard. */
export function pbm(width: number, height: number): string {
  const bits = Buffer.alloc(Math.ceil(width / 8) * height, 0xaa);
  return Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), bits]).toString('base64');
}
