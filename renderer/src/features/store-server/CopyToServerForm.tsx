import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { call } from '../../api/client';
import { useFormat } from '../../format/locale';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { ConnectionFields } from './ConnectionFields';
import { CONNECTION_FIELDS, connectionInput, useConnectionForm } from './connection-form';

/**
 * "Copy my data to the server" (issue 12, section 1), for a till that kept its data on this
 * computer: an empty store server receives all of it, checked table by table before it is
 * committed, and the till then works on the server. Its own file stays as a backup. Asks for the
 * password (S3); the core holds the till's writes while it copies.
 */
export function CopyToServerForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation('settings');
  const { money, count } = useFormat();
  const currency = useSettingsStore((s) => s.settings?.currency ?? 'GBP');
  const terminalName = useSessionStore((s) => s.status?.terminalName ?? '');
  const start = useSessionStore((s) => s.start);
  const form = useConnectionForm({ tillName: terminalName }, true);
  const { busy, formError, submit } = useServerSubmit(form, CONNECTION_FIELDS, async (v) => {
    const report = await call('storeServer:copy', {
      connection: connectionInput(v),
      tillName: v.tillName.trim(),
    });
    notifySuccess(
      t('storeServer.copied', {
        rows: count(report.rows),
        tables: count(report.tables),
        total: money(report.salesTotal, currency),
      }),
    );
    // The core reopened on the server: every session ended with the file.
    await start();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <Alert color="blue" variant="light" title={t('storeServer.copyTitle')}>
          {t('storeServer.copyExplain')}
        </Alert>
        <FormAlert message={formError} />
        <ConnectionFields form={form} />
        <TextInput
          label={t('storeServer.tillName')}
          description={t('storeServer.tillNameHint')}
          {...form.getInputProps('tillName')}
        />
        <Text size="sm" c="dimmed">
          {t('storeServer.copyHint')}
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            {t('storeServer.copy')}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={busy}>
            {t('storeServer.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
