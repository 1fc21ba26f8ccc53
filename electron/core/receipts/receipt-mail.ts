/**
 * E-mail receipts (issue 10, section 3): a sale's PDF, drawn by the browser engine through the
 * `PdfMaker` port, sent through the SMTP settings of issue 9 with a plain-text body.
 * The message is sent outside any write transaction (a slow server never holds the write lock);
 * every attempt is then audited (L1) as `receipt.email` with the outcome. Nothing about the sale
 * changes, whatever happens.
 */
import type { ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { Mailer } from '../mail/mailer';
import type { MailSettings } from '../mail/mail-settings';
import type { SaleQueries } from '../sales/sale-queries';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';
import { receiptDocument } from './receipt-document';
import { pdfFileName, receiptMessage } from './receipt-message';
import { makePdf, type PdfMaker } from './receipt-pdf';

export interface ReceiptMailDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsService;
  saleQueries: SaleQueries;
  mailSettings: MailSettings;
  mailer: Mailer;
  /** Absent in a core without a browser engine (scripts): every send is RECEIPT_PDF_FAILED. */
  pdf?: PdfMaker;
}

export class ReceiptMail {
  constructor(private readonly d: ReceiptMailDeps) {}

  /**
   * E-mails sale `saleId`'s PDF to `to`, or to the sale customer's e-mail when `to` is left out.
   * Errors: NOT_FOUND (A7: a sale the member may not see), VALIDATION_FAILED on `to` (no
   * address), MAIL_NOT_CONFIGURED (not audited: no attempt), RECEIPT_PDF_FAILED,
   * MAIL_SEND_FAILED (both audited as failures).
   */
  async send(
    actor: Session,
    saleId: number,
    to: string | undefined,
  ): Promise<ChannelOutput<'receipts:email'>> {
    const sale = await this.d.saleQueries.get(saleId, actor);
    const doc = await receiptDocument(this.d.db.manager, this.d.settings, sale);
    const recipient = to ?? doc.customer?.email ?? null;
    if (!recipient)
      throw new AppError('VALIDATION_FAILED', 'Enter the e-mail address to send it to.', [
        { path: 'to', message: 'Required' },
      ]);
    if (!(await this.d.mailSettings.configured()))
      throw new AppError(
        'MAIL_NOT_CONFIGURED',
        'E-mail is not set up on this till. An admin can set it up in Settings.',
      );
    let failure: AppError | null = null;
    try {
      const pdf = await makePdf(
        this.d.pdf,
        doc,
        () => new AppError('RECEIPT_PDF_FAILED', 'The receipt PDF could not be made.'),
      );
      await this.d.mailer.send({
        to: recipient,
        ...receiptMessage(doc),
        attachments: [{ filename: pdfFileName(doc), content: pdf, contentType: 'application/pdf' }],
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failure = e;
    }
    await this.d.db.write((em) =>
      this.d.audit.record(em, {
        action: 'receipt.email',
        outcome: failure ? 'failure' : 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: saleId,
        // The address is personal data and the audit log is append-only: only its domain.
        detail: `${doc.layout} to *@${recipient.split('@')[1]}${failure ? `: ${failure.message}` : ''}`,
      }),
    );
    if (failure) throw failure;
    return { to: recipient, layout: doc.layout, sentAt: this.d.clock.now().toISOString() };
  }
}
