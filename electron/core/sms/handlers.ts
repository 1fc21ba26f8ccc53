/** Handlers for the SMS provider settings (issue 9, section 4). */
import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/phone';
import { readStoreCountry } from '../customers/store-country';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { smsAppError } from './sms-settings';

export function createSmsHandlers(s: Services): DomainHandlers<'sms'> {
  return {
    'sms:status': () => s.sms.status(),
    'sms:save': (input, { session }) => s.sms.save(session, input),
    'sms:clear': (_input, { session }) => s.sms.clear(session),
    'sms:sendTest': async (input, { session }) => {
      const provider = await s.sms.provider();
      if (!provider) throw new AppError('SMS_NOT_CONFIGURED', 'SMS is not set up');
      const phone = normalisePhone(input.phone, await readStoreCountry(s.db.manager)).stored;
      try {
        await provider.sendCode(phone);
      } catch (e) {
        const error = smsAppError(e);
        await s.sms.recordEvent(session, 'settings.sms_test', 'failure', error.code);
        throw error;
      }
      await s.sms.recordEvent(session, 'settings.sms_test', 'success', 'code sent');
      return {};
    },
  };
}
