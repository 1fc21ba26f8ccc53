/**
 * The closed list of error codes that may cross IPC, and the Result type every channel answers with.
 *
 * Electron flattens thrown errors to a string (electron#24427), so errors are values: a handler
 * answers `{ ok: true, data }` or `{ ok: false, error: { code, message, issues? } }`. The renderer
 * client turns an error back into a typed exception. No stack trace or SQL text is ever included.
 */

export const ERROR_CODES = [
  /** The payload failed the channel's input schema (F1). `issues` lists the fields. */
  'VALIDATION_FAILED',
  /** No such channel in the contract. */
  'UNKNOWN_CHANNEL',
  /** The IPC sender is not the app's own top frame (E5). */
  'FORBIDDEN_SENDER',
  /** No live session: sign in first (S1). */
  'UNAUTHENTICATED',
  /** The session is idle-locked: unlock with the password (S2). */
  'SESSION_LOCKED',
  /** The session passed its absolute 12-hour limit (S2). */
  'SESSION_EXPIRED',
  /** The signed-in member lacks the channel's permission (A7). */
  'FORBIDDEN',
  /** The action needs the password again (S3). */
  'REAUTH_REQUIRED',
  /** The member must choose a new password before doing anything else (R1). */
  'PASSWORD_CHANGE_REQUIRED',
  /** Unknown user or wrong password: the same answer for both (A5). */
  'INVALID_CREDENTIALS',
  /** Too many failed sign-ins: locked for 30 minutes or until an admin unlocks (A4). */
  'ACCOUNT_LOCKED',
  /** The account is waiting for an admin's approval (A6). */
  'ACCOUNT_PENDING',
  /** The access request was declined by an admin. */
  'ACCOUNT_REJECTED',
  /** The account has been disabled by an admin (A6). */
  'ACCOUNT_DISABLED',
  /** The temporary password expired before it was used (R1). */
  'TEMPORARY_PASSWORD_EXPIRED',
  /** The password breaks the password policy (A2, A3). */
  'WEAK_PASSWORD',
  /** The first admin already exists: set-up is closed for good (A6). */
  'SETUP_ALREADY_DONE',
  /** Set-up has not been done yet. */
  'SETUP_REQUIRED',
  /** The record does not exist. */
  'NOT_FOUND',
  /** A unique value (username, email) is already taken, or the record changed state. */
  'CONFLICT',
  /** The change would leave the till without an active admin. */
  'LAST_ADMIN',
  /** A member cannot do this to their own account (e.g. disable themself). */
  'SELF_ACTION',
  /** The database failed its integrity check: the app runs in safe mode (D5). */
  'SAFE_MODE',
  /** The OS keychain is not available (see Keychain in security-requirements). */
  'KEYCHAIN_UNAVAILABLE',
  /** The tenders do not cover the amount due. */
  'TENDER_SHORT',
  /** Card or other tenders come to more than the amount due: change is given only from cash. */
  'TENDER_INVALID',
  /** A product in the cart is unknown, inactive or archived, or cannot be sold at the till. */
  'PRODUCT_UNAVAILABLE',
  /** A refund asks for more than is still refundable on the sale. */
  'REFUND_LIMIT',
  /** The sale cannot be voided: not today, already voided, refunded, or itself a refund. */
  'VOID_NOT_ALLOWED',
  /** The sale was voided: its customer and note can no longer be changed. */
  'SALE_VOIDED',
  /**
   * A discount above the store's limit, or a price typed at the till (an open-price product),
   * needs permission sales.discountOverride (M2). `issues` name the lines or `discount`.
   */
  'OVERRIDE_REQUIRED',
  /** An import file is not in the expected format, or has rows that were refused. */
  'IMPORT_REJECTED',
  /** The write could not be stored: disk full, I/O error or read-only file. Nothing was saved (D7). */
  'STORAGE_FAILED',
  /** Another till or program held the database's write lock past the busy timeout (D8). */
  'BUSY',
  /** An import file is larger than 50 MB (F3). */
  'IMPORT_TOO_LARGE',
  /** An import file has more than 200,000 data rows (F3). */
  'IMPORT_TOO_MANY_ROWS',
  /** An import file's text is neither UTF-8 nor Windows-1252/Latin-1 (F3): refused, never mangled. */
  'IMPORT_ENCODING',
  /** Anything unexpected. Details go to the log, never across IPC. */
  'INTERNAL',
  /** The built-in Admin role holds every permission and cannot be edited or deleted. */
  'ROLE_LOCKED',
  /** The role still has members: move them to another role first. */
  'ROLE_IN_USE',
  /**
   * The member's role requires two-factor sign-in and they have not enrolled: the session can only
   * enrol (issue 9 section 1).
   */
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  /** T2: this authenticator code (or an earlier one) was already used: wait for the next code. */
  'TOTP_CODE_USED',
  /** A wrong till PIN; 5 in a row disable it until the member's next password sign-in. */
  'PIN_INVALID',
  /** The member's PIN is disabled after 5 wrong entries: sign in with the password. */
  'PIN_DISABLED',
  /** A PIN cannot be used here: none set, or no password sign-in on this till in 12 hours. */
  'PIN_UNAVAILABLE',
  /** E-mail is not set up on this till: an admin enters the SMTP settings first (issue 9, section 4). */
  'MAIL_NOT_CONFIGURED',
  /** The SMTP server could not be reached or refused the message; nothing was changed. */
  'MAIL_SEND_FAILED',
  /** The one-time code is wrong. */
  'CODE_INVALID',
  /** The one-time code expired, was used, was replaced by a newer one or had too many wrong tries. */
  'CODE_EXPIRED',
  /** Too many codes asked for: once a minute, five an hour. */
  'RATE_LIMITED',
  /** The store asks for a verified e-mail or phone before anything else (issue 9, section 4). */
  'VERIFICATION_REQUIRED',
  /** SMS is not set up: an admin enters the provider's settings first (issue 9, section 4). */
  'SMS_NOT_CONFIGURED',
  /** The SMS provider could not be reached, failed or refused Kassa's credentials. Nothing was sent. */
  'SMS_UNAVAILABLE',
  /** The SMS provider's own sending limit was hit: try again later. */
  'SMS_RATE_LIMITED',
  /** No shift is open on this till: open one with a counted float first (issue 10, section 1). */
  'SHIFT_NOT_OPEN',
  /** A shift is already open on this till: close it before opening another. */
  'SHIFT_ALREADY_OPEN',
  /** The count is over or short by more than the store allows without a note: add a note. */
  'SHIFT_NOTE_REQUIRED',
  /** The browser engine could not draw the receipt's PDF; nothing was sent, the sale is unchanged. */
  'RECEIPT_PDF_FAILED',
  /** No receipt printer is set up on this till: add one in Settings → Printers (issue 10, section 2). */
  'PRINTER_NOT_CONFIGURED',
  /** A backup could not be made or written to its folder (D4); the database is unchanged. */
  'BACKUP_FAILED',
  /** The backup file is not a Kassa backup, or was changed, truncated or damaged (D4, D5). */
  'BACKUP_DAMAGED',
  /** The backup is encrypted and the passphrase is missing or does not open it (D4). */
  'BACKUP_PASSPHRASE',
  /** The backup was made by a newer Kassa (its schema is newer than this app's) (D3, D5). */
  'BACKUP_TOO_NEW',
  /** This till's data is on a store server, backed up by the server's tools: no backup files (issue 12). */
  'STORE_SERVER_BACKUPS',
  /**
   * The store server cannot be reached (issue 12, section 3): nothing was saved; the same request
   * (the same sale id) can be sent again once it is back.
   */
  'SERVER_UNREACHABLE',
  /**
   * A store server connection was tried and failed (issue 12, section 1): the message says what
   * failed (unreachable, authentication, TLS, database, version). Nothing was changed.
   */
  'STORE_SERVER_REFUSED',
  /** Another till of the store already has this name (`tills.name` is unique; issue 12). */
  'TILL_NAME_TAKEN',
  /**
   * An admin retired this till from its store server (`storeServer:retireTill`, issue 12): it
   * signs in and sells no more. Only `app:status` answers, saying when and by whom.
   */
  'TILL_RETIRED',
  /**
   * This till of a store server has not yet received the store key that seals the store's shared
   * secrets (2FA seeds, mail and SMS credentials): another running till shares it within seconds
   * (issue 12; electron/core/secrets/store-key.ts). Nothing was changed.
   */
  'STORE_KEY_PENDING',
  /**
   * Copying a till's data to a store server gave a table whose row count or sums differ from the
   * till's file (issue 12, section 1): nothing was committed on the server.
   */
  'COPY_MISMATCH',
  /** No browser engine could draw the Z report's PDF (issue 10, section 1); no file was written. */
  'REPORT_PDF_FAILED',
  /** The category would sit below level 3 of the tree (issue 11, section 1). */
  'CATEGORY_TOO_DEEP',
  /** A category cannot move under itself or one of its own sub-categories. */
  'CATEGORY_CYCLE',
  /** The category still has live sub-categories: archive or move them first. */
  'CATEGORY_IN_USE',
  /**
   * Not enough stock: the store refuses sales (or adjustments) that would take a product's on-hand
   * below zero (issue 11, section 2; stock setting `negativeStock: refuse`). Nothing was recorded.
   */
  'INSUFFICIENT_STOCK',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes that mean the session cannot be used as it is (S1, S2, R1): the renderer client reports
 * every one of them to its session hook, which shows the sign-in, unlock or change-password screen.
 */
export const SESSION_PROBLEM_CODES: readonly ErrorCode[] = [
  'SESSION_LOCKED',
  'SESSION_EXPIRED',
  'UNAUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'VERIFICATION_REQUIRED',
];

/** One field-level problem, from a zod issue. `path` is the dotted field path. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/**
 * A typed error thrown inside the main process (services) and turned into a Result by the router,
 * and thrown in the renderer by the API client when a Result is not ok.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ValidationIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): AppErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function err(code: ErrorCode, message: string, issues?: ValidationIssue[]): Result<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
