/**
 * What to say when an import fails. The screens never show a raw code: the headline comes from
 * messages.ts. An import refusal (IMPORT_REJECTED) or a refused file (VALIDATION_FAILED, e.g. too
 * large) also carries the core's one-line reason, written for people (which column is missing,
 * near which line the quotes break), so it is shown under the headline.
 */
import { AppError } from '../../../../shared/errors';
import { messageFor } from '../../api/messages';
import { currentLocale, t } from '../../i18n';
import { numberFormat } from '../../../../shared/intl-formats';

export interface ImportProblem {
  headline: string;
  detail: string | null;
}

/** The headline and, where the core gave one, the reason. */
export function importProblem(error: unknown): ImportProblem {
  const headline = messageFor(error);
  if (!(error instanceof AppError)) return { headline, detail: null };
  if (error.code === 'IMPORT_REJECTED') return { headline, detail: error.message || null };
  if (error.code === 'VALIDATION_FAILED' && error.issues?.length)
    return {
      headline: t('dataImport:problems.unreadable'),
      detail: error.issues.map((i) => i.message).join(' '),
    };
  return { headline, detail: null };
}

/** Bigger files are refused by the core; say so before reading them (sizes in MB, 10^6 bytes). */
export function tooLarge(file: File, maxBytes: number): ImportProblem | null {
  if (file.size <= maxBytes) return null;
  const mb = (bytes: number, digits: number) =>
    numberFormat(currentLocale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(bytes / 1_000_000);
  return {
    headline: t('dataImport:problems.tooLarge'),
    detail: t('dataImport:problems.tooLargeDetail', {
      size: mb(file.size, 1),
      limit: mb(maxBytes, 0),
    }),
  };
}

/** The problem shown for a file of zero bytes, which is never sent to the core. */
export function emptyFile(): ImportProblem {
  return { headline: t('dataImport:problems.empty'), detail: null };
}
