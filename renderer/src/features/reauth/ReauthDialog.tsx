import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { FIELD_MESSAGES, messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { currentPasswordSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useReauthStore } from '../../stores/reauth';

type ReauthValues = { password: string };
const reauthSchema = z.object({ password: currentPasswordSchema });

/**
 * Asks for the password again before a sensitive action (S3). Opened by the API client through
 * the reauth store when an action answers REAUTH_REQUIRED; after a successful confirmation the
 * client retries the action by itself.
 */
export function ReauthDialog() {
  const open = useReauthStore((s) => s.open);
  const cancel = useReauthStore((s) => s.cancel);
  return (
    <Modal opened={open} onClose={cancel} title="Confirm it is you" size="sm">
      {open && <ReauthForm />}
    </Modal>
  );
}

function ReauthForm() {
  const confirm = useReauthStore((s) => s.confirm);
  const cancel = useReauthStore((s) => s.cancel);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ReauthValues>({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: zodValidator<ReauthValues>(reauthSchema),
  });

  const submit = ({ password }: ReauthValues) =>
    run(async () => {
      setError(null);
      try {
        await confirm(password);
      } catch (caught) {
        form.setFieldValue('password', '');
        if (caught instanceof AppError && caught.code === 'INVALID_CREDENTIALS')
          form.setFieldError('password', FIELD_MESSAGES.wrongPassword);
        else setError(messageFor(caught));
      }
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <Text size="sm">This is a sensitive action. Enter your password again to continue.</Text>
        <FormAlert message={error} />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          data-autofocus
          autoFocus
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
