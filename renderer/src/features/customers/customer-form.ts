/** The customer form's values, its checks (the contract's own field schemas) and its errors. */
import { z } from 'zod';
import {
  type ChannelInput,
  type CustomerView,
  displayText,
  emailSchema,
  phoneSchema,
} from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { displayPhone } from '../../../../shared/phone';
import { t } from '../../i18n';

export interface CustomerFormValues {
  name: string;
  email: string;
  phone: string;
  country: string;
  notes: string;
  /** Invoice details (issue 10, section 3): company name and VAT number make the PDF an invoice. */
  companyName: string;
  vatNumber: string;
  billingAddress: string;
}

export const CUSTOMER_FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'country',
  'notes',
  'companyName',
  'vatNumber',
  'billingAddress',
] as const;

/** What the renderer can check before asking the core (empty email/phone means none). */
export const customerFormSchema = z.object({
  name: displayText(120),
  email: z.union([z.literal(''), emailSchema]),
  phone: z.union([z.literal(''), phoneSchema]),
  country: z.string().trim().max(64, 'At most 64 characters'),
  notes: z.string().trim().max(1000, 'At most 1000 characters'),
  companyName: z.string().trim().max(120, 'At most 120 characters'),
  vatNumber: z.string().trim().max(40, 'At most 40 characters'),
  billingAddress: z.string().trim().max(300, 'At most 300 characters'),
});

/**
 * Every field's problem in the current language (the contract's schemas decide; this names the
 * rule they broke), or an empty object when the form is valid.
 */
export function validateCustomerForm(values: CustomerFormValues): Record<string, string> {
  const result = customerFormSchema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!key || key in errors) continue;
    const typed = String(values[key as keyof CustomerFormValues] ?? '').trim();
    errors[key] =
      typed === ''
        ? t('customers:form.errors.required')
        : key === 'email'
          ? t('customers:form.errors.email')
          : key === 'phone'
            ? t('customers:form.errors.phone')
            : issue.code === 'too_big'
              ? t('customers:form.errors.tooLong', { count: Number(issue.maximum) })
              : t('customers:form.errors.characters');
  }
  return errors;
}

export function initialCustomerValues(customer: CustomerView | null): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    email: customer?.email ?? '',
    phone: customer?.phone ? displayPhone(customer.phone) : '',
    country: customer?.country ?? '',
    notes: customer?.notes ?? '',
    companyName: customer?.companyName ?? '',
    vatNumber: customer?.vatNumber ?? '',
    billingAddress: customer?.billingAddress ?? '',
  };
}

/** The channel input: trimmed, empty optional fields as null. */
export function toCustomerInput(values: CustomerFormValues): ChannelInput<'customers:create'> {
  const orNull = (s: string) => s.trim() || null;
  return {
    name: values.name.trim(),
    email: orNull(values.email),
    phone: orNull(values.phone),
    country: orNull(values.country),
    notes: orNull(values.notes),
    companyName: orNull(values.companyName),
    vatNumber: orNull(values.vatNumber),
    billingAddress: orNull(values.billingAddress),
  };
}

/**
 * A CONFLICT on the email or phone is said in the current language under its field; one that
 * names the email or phone in its text but carries no issues gets them, so the message shows
 * under the field either way.
 */
export function customerFormError(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'CONFLICT') return error;
  const taken: Record<string, string> = {
    email: t('customers:form.errors.emailTaken'),
    phone: t('customers:form.errors.phoneTaken'),
  };
  const text = error.message.toLowerCase();
  const issues = error.issues?.length
    ? error.issues.map((i) => ({ path: i.path, message: taken[i.path] ?? i.message }))
    : (['email', 'phone'] as const)
        .filter((k) => text.includes(k))
        .map((k) => ({ path: k, message: taken[k]! }));
  return issues.length ? new AppError('CONFLICT', error.message, issues) : error;
}
