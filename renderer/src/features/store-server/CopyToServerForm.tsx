import { Alert, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { connectionInput, useConnectionForm, type ConnectionValues } from './connection-form';
import { ReconnectForm } from './ReconnectForm';

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
  const form = useConnectionForm({ tillName: terminalName }, true);
  const save = async (v: ConnectionValues) => {
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
  };
  return (
    <ReconnectForm
      form={form}
      save={save}
      saveLabel={t('storeServer.copy')}
      hint={t('storeServer.copyHint')}
      onCancel={onCancel}
      intro={
        <Alert color="blue" variant="light" title={t('storeServer.copyTitle')}>
          {t('storeServer.copyExplain')}
        </Alert>
      }
    >
      <TextInput
        label={t('storeServer.tillName')}
        description={t('storeServer.tillNameHint')}
        {...form.getInputProps('tillName')}
      />
    </ReconnectForm>
  );
}
