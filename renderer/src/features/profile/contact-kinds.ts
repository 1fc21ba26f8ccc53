/**
 * What differs between verifying the e-mail address and the phone (issue 9, section 4): where the
 * status keeps them, the channels that send and check a code, how the address is changed, and the
 * catalogue keys (namespace `profile`). Everything else is the same steps (ContactVerification).
 */
import type { ContactStatus } from '../../../../shared/contract';
import { call } from '../../api/client';

export type ContactKind = 'email' | 'phone';

export interface ContactKindSpec {
  address: (s: ContactStatus) => string | null;
  verifiedAt: (s: ContactStatus) => string | null;
  codeExpiresAt: (s: ContactStatus) => string | null;
  /** Whether this till can send a code (mail or SMS set up). */
  available: (s: ContactStatus) => boolean;
  send: () => Promise<{ sentTo: string }>;
  verify: (code: string) => Promise<unknown>;
  /** Saves a new address (the password may be asked again) and answers the new status. */
  change: (value: string) => Promise<ContactStatus>;
  keys: {
    off: string;
    /** The button that opens the change form while there is no address yet. */
    add?: string;
    send: string;
    resend: string;
    sent: string;
    code: string;
    verified: string;
    change: string;
    newValue: string;
    newValueHelp: string;
    save: string;
  };
}

export const CONTACT_KINDS: Record<ContactKind, ContactKindSpec> = {
  email: {
    address: (s) => s.email,
    verifiedAt: (s) => s.emailVerifiedAt,
    codeExpiresAt: (s) => s.emailCodeExpiresAt,
    available: (s) => s.mailAvailable,
    send: () => call('contacts:sendEmailCode'),
    verify: (code) => call('contacts:verifyEmail', { code }),
    change: (email) => call('contacts:changeEmail', { email }),
    keys: {
      off: 'contacts.mailOff',
      send: 'contacts.send',
      resend: 'contacts.resend',
      sent: 'contacts.sent',
      code: 'contacts.code',
      verified: 'contacts.verified',
      change: 'contacts.change',
      newValue: 'contacts.newEmail',
      newValueHelp: 'contacts.newEmailHelp',
      save: 'contacts.save',
    },
  },
  phone: {
    address: (s) => s.phone,
    verifiedAt: (s) => s.phoneVerifiedAt,
    codeExpiresAt: (s) => s.phoneCodeExpiresAt,
    available: (s) => s.smsAvailable,
    send: () => call('contacts:sendPhoneCode'),
    verify: (code) => call('contacts:verifyPhone', { code }),
    change: async (phone) => {
      await call('profile:update', { phone });
      return call('contacts:status');
    },
    keys: {
      off: 'phone.smsOff',
      add: 'phone.add',
      send: 'phone.send',
      resend: 'phone.resend',
      sent: 'phone.sent',
      code: 'phone.code',
      verified: 'phone.verified',
      change: 'phone.change',
      newValue: 'phone.newNumber',
      newValueHelp: 'phone.newNumberHelp',
      save: 'phone.save',
    },
  },
};
