import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { FIELD_MESSAGES, messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { t as translate } from '../../i18n';
import { currentPasswordSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useReauthStore } from '../../stores/reauth';

type ReauthValues = { password: string };
const reauthSchema = z.object({ password: currentPasswordSchema });

/**
 * Item 19: cancelling the password prompt says that the action was not done, since the screen
 * that asked for it stays as it was and would otherwise look as if it had worked.
 */
function cancelWithNotice(cancel: () => void): void {
  cancel();
  notifications.show({
    title: translate('auth:reauth.cancelledTitle'),
    message: translate('auth:reauth.cancelled'),
    color: 'yellow',
    autoClose: 6000,
    closeButtonProps: { 'aria-label': translate('auth:reauth.dismiss') },
  });
}

/**
 * Asks for the password again before a sensitive action (S3). Opened by the API client through
 * the reauth store when an action answers REAUTH_REQUIRED; after a successful confirmation the
 * client retries the action by itself. Cancelling tells the member the action was not done.
 */
export function ReauthDialog() {
  const { t } = useTranslation('auth');
  const open = useReauthStore((s) => s.open);
  const cancel = useReauthStore((s) => s.cancel);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={open}
      onClose={() => cancelWithNotice(cancel)}
      title={t('reauth.title')}
      size="sm"
    >
      {open && <ReauthForm />}
    </Modal>
  );
}

function ReauthForm() {
  const { t } = useTranslation('auth');
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
        <Text size="sm">{t('reauth.intro')}</Text>
        <FormAlert message={error} />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          data-autofocus
          autoFocus
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => cancelWithNotice(cancel)}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('reauth.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
