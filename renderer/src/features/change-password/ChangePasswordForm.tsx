import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
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

const changeSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.confirmPassword === v.newPassword, {
    path: ['confirmPassword'],
    message: FIELD_MESSAGES.passwordsDiffer,
  })
  .refine((v) => v.newPassword !== v.currentPassword || v.newPassword === '', {
    path: ['newPassword'],
    message: FIELD_MESSAGES.sameAsCurrent,
  });

export interface ChangePasswordFormProps {
  /** Called after the main process accepted the new password. */
  onDone?: () => void;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
  /** Describes the current-password field, e.g. that it is the temporary one. */
  currentPasswordHint?: string;
}

/**
 * Current password, new password and its confirmation. The new one is checked for length here;
 * the main process also refuses common passwords (WEAK_PASSWORD, shown under "New password").
 */
export function ChangePasswordForm({
  onDone,
  onCancel,
  currentPasswordHint,
}: ChangePasswordFormProps) {
  const changePassword = useSessionStore((s) => s.changePassword);
  const { busy, run } = useBusy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangeValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: zodValidator<ChangeValues>(changeSchema),
  });

  const submit = ({ currentPassword, newPassword }: ChangeValues) =>
    run(async () => {
      setFormError(null);
      try {
        await changePassword({ currentPassword, newPassword });
        form.reset();
        onDone?.();
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
          form.setFieldValue('currentPassword', '');
          form.setFieldError('currentPassword', FIELD_MESSAGES.wrongCurrentPassword);
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
        <PasswordInput
          label="Current password"
          description={currentPasswordHint}
          autoComplete="current-password"
          autoFocus
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description="At least 8 characters; a short sentence works well"
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy} fullWidth={!onCancel} size={onCancel ? 'md' : 'lg'}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
