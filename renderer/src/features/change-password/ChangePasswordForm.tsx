import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { splitFormError } from '../../api/form-errors';
import { FIELD_MESSAGES } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { currentPasswordSchema, newPasswordSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

type ChangeValues = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The form's rules; without the current password when the core waives it (item 9). */
function changeSchema(askCurrent: boolean) {
  return z
    .object({
      currentPassword: askCurrent ? currentPasswordSchema : z.string(),
      newPassword: newPasswordSchema,
      confirmPassword: z.string(),
    })
    .refine((v) => v.confirmPassword === v.newPassword, {
      path: ['confirmPassword'],
      message: 'errors:field.passwordsDiffer',
    })
    .refine((v) => !askCurrent || v.newPassword !== v.currentPassword || v.newPassword === '', {
      path: ['newPassword'],
      message: 'errors:field.sameAsCurrent',
    });
}

export interface ChangePasswordFormProps {
  /** Called after the main process accepted the new password. */
  onDone?: () => void;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
  /** Describes the current-password field, e.g. that it is the temporary one. */
  currentPasswordHint?: string;
  /** Puts focus in the first field (default); off where the form is one part of a page. */
  autoFocus?: boolean;
}

/**
 * Current password, new password and its confirmation. The current password is not asked for in
 * a forced change within 10 minutes of signing in with the temporary one (the session says until
 * when, `changeWithoutCurrentUntil`; item 9, R1); if the core wants it after all (the 10 minutes
 * ran out), the field appears with a message. The new one is checked for length here; the main
 * process also refuses common passwords (WEAK_PASSWORD, shown under "New password").
 */
export function ChangePasswordForm({
  onDone,
  onCancel,
  currentPasswordHint,
  autoFocus = true,
}: ChangePasswordFormProps) {
  const { t } = useTranslation('auth');
  const changePassword = useSessionStore((s) => s.changePassword);
  const waivedUntil = useSessionStore((s) => s.session?.changeWithoutCurrentUntil ?? null);
  // The core sends `changeWithoutCurrentUntil` only while the waiver holds, by its own clock; the
  // screen does not second-guess it with the computer's clock. Past it, the core says so.
  const [askCurrent, setAskCurrent] = useState(() => waivedUntil === null);
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangeValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => zodValidator<ChangeValues>(changeSchema(askCurrent))(values),
  });

  const submit = ({ currentPassword, newPassword }: ChangeValues) =>
    run(async () => {
      setFormError(null);
      try {
        await changePassword(askCurrent ? { currentPassword, newPassword } : { newPassword });
        form.reset();
        onDone?.();
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
          form.setFieldValue('currentPassword', '');
          form.setFieldError('currentPassword', FIELD_MESSAGES.wrongCurrentPassword);
          return;
        }
        const needsCurrent =
          error instanceof AppError &&
          error.code === 'VALIDATION_FAILED' &&
          error.issues?.some((i) => i.path === 'currentPassword');
        if (needsCurrent && !askCurrent) {
          setAskCurrent(true);
          form.setFieldError('currentPassword', t('changePassword.currentNeeded'));
          return;
        }
        const split = splitFormError(error, FIELDS, { passwordField: 'newPassword' });
        form.setErrors(split.fields);
        setFormError(split.form);
      }
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        {askCurrent && (
          <PasswordInput
            label={t('fields.currentPassword')}
            description={currentPasswordHint}
            autoComplete="current-password"
            autoFocus={autoFocus}
            {...form.getInputProps('currentPassword')}
          />
        )}
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('passwordHint')}
          autoComplete="new-password"
          autoFocus={autoFocus && !askCurrent}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy} fullWidth={!onCancel} size={onCancel ? 'md' : 'lg'}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
