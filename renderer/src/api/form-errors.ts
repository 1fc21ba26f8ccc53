/**
 * Turns a failed call into messages for a form: one per field where the error concerns a field
 * (VALIDATION_FAILED issues, WEAK_PASSWORD, CONFLICT on username or email) and one for the form.
 *
 * Item 19: the form message says "Check the highlighted fields" only when a field of the form is
 * highlighted; a problem with a field the form does not show is named ("First day: ..."), never
 * left to a generic message that points at highlights that are not there.
 */
import { AppError, type ValidationIssue } from '../../../shared/errors';
import { i18n, t } from '../i18n';
import { issueMessage } from '../forms/validation';
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

/** A field's name for people: `errors:fields.<last path part>`, else the path as sent. */
export function fieldName(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? path;
  const key = `errors:fields.${last}`;
  return i18n.exists(key) ? t(key) : path;
}

/** "Check the highlighted fields" when some are highlighted, plus each other problem by name. */
function formMessage(unmapped: readonly ValidationIssue[], highlighted: boolean): string | null {
  const named = unmapped.map((i) =>
    t('errors:form.fieldProblem', { field: fieldName(i.path), message: issueMessage(i.message) }),
  );
  const parts = [...named, ...(highlighted ? [t('errors:form.checkHighlighted')] : [])];
  return parts.length > 0 ? parts.join(' ') : null;
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
    const unmapped: ValidationIssue[] = [];
    for (const issue of error.issues) {
      const name = issue.path.split('.')[0] ?? '';
      if (isField(name)) split.fields[name] ??= issueMessage(issue.message);
      else unmapped.push(issue);
    }
    if (unmapped.length > 0)
      split.form = formMessage(unmapped.slice(0, 5), Object.keys(split.fields).length > 0);
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
