/**
 * Handlers for verified contacts and the "verified before access" policy (issue 9, section 4) and
 * "forgot password" (section 6).
 */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createContactHandlers(s: Services): DomainHandlers<'contacts' | 'reset'> {
  return {
    'contacts:status': (_input, { session }) => s.contacts.status(session),
    'contacts:sendEmailCode': (_input, { session }) => s.contacts.sendEmailCode(session),
    'contacts:verifyEmail': ({ code }, { session }) => s.contacts.verifyEmail(session, code),
    'contacts:changeEmail': ({ email }, { session }) => s.contacts.changeEmail(session, email),
    'contacts:sendPhoneCode': (_input, { session }) => s.phoneVerification.sendCode(session),
    'contacts:verifyPhone': ({ code }, { session }) => s.phoneVerification.verify(session, code),
    'contacts:policy': () => s.verificationPolicy.view(),
    'contacts:setPolicy': ({ policy }, { session }) => s.verificationPolicy.set(session, policy),
    'contacts:verifyRequest': ({ identifier, code }) => s.accessRequests.verify(identifier, code),
    'contacts:resendRequestCode': ({ identifier }) => s.accessRequests.resend(identifier),
    'reset:available': async () => ({ available: await s.passwordReset.available() }),
    'reset:request': ({ identifier }) => s.passwordReset.request(identifier),
    'reset:complete': ({ identifier, code, newPassword }) =>
      s.passwordReset.complete(identifier, code, newPassword),
  };
}
