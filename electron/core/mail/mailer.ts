/**
 * Sends one plain-text message with nodemailer over the saved SMTP settings (issue 9, section 4).
 * A new transport per message: settings may change between messages, and a till sends a few a
 * day. Timeouts are short so a member waiting for a code hears about a dead server in seconds.
 */
import nodemailer from 'nodemailer';
import { AppError } from '../../../shared/errors';
import type { MailSettings, SmtpSettings } from './mail-settings';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** Files sent with the message (a receipt's PDF, issue 10 section 3); bytes, never paths. */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** nodemailer's SMTP options for the TLS mode: STARTTLS is required, never skipped (RFC 3207). */
function transportOptions(s: SmtpSettings) {
  return {
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    requireTLS: s.tls === 'starttls',
    ignoreTLS: s.tls === 'none',
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Why a send failed, in words an admin can act on; never the server's full transcript. */
function reason(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const responseCode = (e as { responseCode?: unknown })?.responseCode;
  if (code === 'EAUTH') return 'The SMTP server refused the user name or password.';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS')
    return 'The SMTP server could not be reached.';
  if (code === 'ETLS') return 'A secure connection to the SMTP server could not be made.';
  if (typeof responseCode === 'number')
    return `The SMTP server refused the message (${responseCode}).`;
  return 'The SMTP server could not be reached.';
}

export class Mailer {
  constructor(private readonly settings: MailSettings) {}

  /**
   * Sends `message`. Errors: MAIL_NOT_CONFIGURED; KEYCHAIN_UNAVAILABLE; MAIL_SEND_FAILED with a
   * short reason (unreachable, refused login, refused message).
   */
  async send(message: OutgoingMessage): Promise<void> {
    const smtp = await this.settings.smtp();
    const transport = nodemailer.createTransport(transportOptions(smtp));
    try {
      await transport.sendMail({ from: smtp.from, ...message });
    } catch (e) {
      const error = new AppError('MAIL_SEND_FAILED', `The e-mail could not be sent: ${reason(e)}`);
      error.cause = e;
      throw error;
    } finally {
      transport.close();
    }
  }
}
