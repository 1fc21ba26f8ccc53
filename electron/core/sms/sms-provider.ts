/**
 * The small interface every SMS one-time-code provider implements (issue 9, section 4: "behind a
 * small interface, so that other providers can be added"). The provider generates, sends and
 * checks the code itself (OTP-as-a-service); Kassa keeps only the provider's request id.
 *
 * Phone verification (electron/core/contacts) calls these two methods and maps SmsProviderError's
 * code to its own error; the provider's URL and credentials never leave the main process.
 */

/** Why a provider call failed. */
export type SmsProviderErrorCode = 'INVALID_NUMBER' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'EXPIRED';

export interface SmsOtpProvider {
  /** Sends a one-time code to `phoneE164`; resolves the provider's request id. Throws SmsProviderError (code: 'INVALID_NUMBER' | 'RATE_LIMITED' | 'UNAVAILABLE'). */
  sendCode(phoneE164: string): Promise<{ requestId: string }>;
  /** True when `code` is right for the request; false when wrong. Throws SmsProviderError (code: 'RATE_LIMITED' | 'UNAVAILABLE' | 'EXPIRED'). */
  verifyCode(requestId: string, code: string): Promise<boolean>;
}

/**
 * A provider call that did not give an answer Kassa can use:
 * - `INVALID_NUMBER`: the provider refused the number;
 * - `RATE_LIMITED`: the provider's own sending or checking limit was hit;
 * - `UNAVAILABLE`: no answer (connection refused, timeout), a server error, refused credentials or
 *   an answer Kassa cannot read;
 * - `EXPIRED`: the code's request is expired, used up or unknown: send a new code.
 * The message is for the log; it never holds the credentials.
 */
export class SmsProviderError extends Error {
  readonly code: SmsProviderErrorCode;
  /** The provider's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(
    code: SmsProviderErrorCode,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message);
    this.name = 'SmsProviderError';
    this.code = code;
    this.status = options.status;
    if ('cause' in options) this.cause = options.cause;
  }
}
