/**
 * The texts of the messages Kassa e-mails, in the store's language (English or German, as the
 * screens). Plain text only: a code is easy to read and copy, and nothing is linked (OWASP
 * Forgot Password: no reset link that could be poisoned by a Host header; the code is typed).
 */
import type { OutgoingMessage } from './mailer';

type Text = Omit<OutgoingMessage, 'to'>;
type Language = 'en' | 'de';

export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The 6-digit code that verifies an e-mail address. */
export function verificationMessage(lang: Language, store: string, code: string): Text {
  return lang === 'de'
    ? {
        subject: `${store}: Ihr Bestätigungscode ${code}`,
        text: `Ihr Code zur Bestätigung dieser E-Mail-Adresse in Kassa lautet:\n\n    ${code}\n\nEr gilt 10 Minuten und nur einmal. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.\n`,
      }
    : {
        subject: `${store}: your verification code ${code}`,
        text: `Your code to verify this e-mail address in Kassa is:\n\n    ${code}\n\nIt works once, for 10 minutes. If you did not ask for it, ignore this e-mail.\n`,
      };
}

/** The code that sets a new password (grouped in fours for reading). */
export function resetMessage(lang: Language, store: string, code: string): Text {
  const grouped = code.match(/.{1,4}/g)!.join('-');
  return lang === 'de'
    ? {
        subject: `${store}: Code zum Zurücksetzen Ihres Passworts`,
        text: `Jemand hat für Ihr Kassa-Konto ein neues Passwort angefordert. Geben Sie an der Kasse diesen Code ein:\n\n    ${grouped}\n\nEr gilt 10 Minuten und nur einmal. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.\n`,
      }
    : {
        subject: `${store}: code to reset your password`,
        text: `Someone asked for a new password for your Kassa account. Enter this code at the till:\n\n    ${grouped}\n\nIt works once, for 10 minutes. If this was not you, ignore this e-mail: your password stays as it is.\n`,
      };
}

/** Sent after any password reset by e-mail, so a member who did not do it can act. */
export function passwordChangedMessage(lang: Language, store: string, at: string): Text {
  return lang === 'de'
    ? {
        subject: `${store}: Ihr Passwort wurde geändert`,
        text: `Das Passwort Ihres Kassa-Kontos wurde am ${at} (UTC) mit einem E-Mail-Code geändert, und alle Ihre Sitzungen wurden beendet. Wenn Sie das nicht waren, sagen Sie sofort einem Admin Bescheid.\n`,
      }
    : {
        subject: `${store}: your password was changed`,
        text: `The password of your Kassa account was changed at ${at} (UTC) with an e-mailed code, and all your sessions were ended. If this was not you, tell an admin at once.\n`,
      };
}
