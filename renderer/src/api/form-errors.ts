/**
 * Turns a failed call into messages for a form: one per field where the error concerns a field
 * (VALIDATION_FAILED issues, WEAK_PASSWORD, CONFLICT on username or email) and one for the form.
 */
import { AppError } from '../../../shared/errors';
import { CONFLICT_FIELD_MESSAGES, ERROR_MESSAGES, messageFor } from './messages';

export interface FormErrorSplit<F extends string> {
  fields: Partial<Record<F, string>>;
  /** A message for the whole form, or null when every problem belongs to a field. */
  form: string | null;
}

export interface FormErrorOptions<F extends string> {
  /** The field that WEAK_PASSWORD belongs to, if the form has one. */
  passwordField?: F;
}

/** Splits `error` into field messages for `fields` and a form-level message for the rest. */
export function splitFormError<F extends string>(
  error: unknown,
  fields: readonly F[],
  options: FormErrorOptions<F> = {},
): FormErrorSplit<F> {
  const split: FormErrorSplit<F> = { fields: {}, form: null };
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);
  if (!(error instanceof AppError)) return { ...split, form: messageFor(error) };

  if (error.issues && error.issues.length > 0) {
    let unmapped = false;
    for (const issue of error.issues) {
      const name = issue.path.split('.')[0] ?? '';
      if (isField(name)) split.fields[name] ??= issue.message;
      else unmapped = true;
    }
    if (unmapped) split.form = ERROR_MESSAGES[error.code];
    return split;
  }
  if (error.code === 'WEAK_PASSWORD' && options.passwordField) {
    split.fields[options.passwordField] = ERROR_MESSAGES.WEAK_PASSWORD;
    return split;
  }
  if (error.code === 'CONFLICT') {
    const text = error.message.toLowerCase();
    const field = fields.find(
      (name) => name in CONFLICT_FIELD_MESSAGES && text.includes(name.toLowerCase()),
    );
    if (field) {
      split.fields[field] = CONFLICT_FIELD_MESSAGES[field];
      return split;
    }
  }
  return { ...split, form: messageFor(error) };
}
