/** Handlers for the SMTP settings and the test message (issue 9, section 4). */
import { AppError } from '../../../shared/errors';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createMailHandlers(s: Services): DomainHandlers<'mail'> {
  return {
    'mail:getSettings': () => s.mailSettings.view(),
    'mail:updateSettings': (input, { session }) =>
      s.db.write((em) => s.mailSettings.save(em, session, input)),
    'mail:removeSettings': async (_input, { session }) => {
      await s.db.write((em) => s.mailSettings.remove(em, session));
      return {};
    },
    // Not a `writes` channel: the message is sent outside any transaction, then the outcome is
    // audited (L1), so a slow server never holds the database's write lock.
    'mail:sendTest': async ({ to }, { session }) => {
      let failure: AppError | null = null;
      try {
        await s.mailer.send({
          to,
          subject: 'Kassa test message',
          text: `This is a test message from Kassa on ${s.settings.terminalName}. E-mail is set up.`,
        });
      } catch (e) {
        // No set-up is no attempt: refused without an audit row.
        if (!(e instanceof AppError) || e.code === 'MAIL_NOT_CONFIGURED') throw e;
        failure = e;
      }
      await s.db.write((em) =>
        s.audit.record(em, {
          action: 'mail.test',
          outcome: failure ? 'failure' : 'success',
          actorId: session.staff.id,
          actorName: session.staff.username,
          targetType: 'email',
          targetId: to,
          detail: failure?.message ?? null,
        }),
      );
      if (failure) throw failure;
      return { sentAt: s.clock.now().toISOString() };
    },
  };
}
