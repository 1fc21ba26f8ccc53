import { Button, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSessionStore } from '../../stores/session';
import { ConnectionFields } from './ConnectionFields';
import { CONNECTION_FIELDS, type ConnectionValues } from './connection-form';

interface Props {
  form: UseFormReturnType<ConnectionValues>;
  /** The channel call; the core reopens on the server once it has answered. */
  save: (values: ConnectionValues) => Promise<void>;
  saveLabel: string;
  hint: string;
  onCancel: () => void;
  /** Shown above the fields. */
  intro?: ReactNode;
  /** Fields after the connection's. */
  children?: ReactNode;
}

/**
 * A Settings form whose saving moves the till to a store server connection (a new connection, or
 * a copy of its data): the connection fields, a hint, save and cancel. After `save` the core has
 * reopened on the server and every session ended with the old database, so the app starts again
 * from `app:status` (the sign-in screen).
 */
export function ReconnectForm({ form, save, saveLabel, hint, onCancel, intro, children }: Props) {
  const { t } = useTranslation('settings');
  const start = useSessionStore((s) => s.start);
  const { busy, formError, submit } = useServerSubmit(form, CONNECTION_FIELDS, async (v) => {
    await save(v);
    await start();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {intro}
        <FormAlert message={formError} />
        <ConnectionFields form={form} />
        {children}
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            {saveLabel}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {t('storeServer.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
