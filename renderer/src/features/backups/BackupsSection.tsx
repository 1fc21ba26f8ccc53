import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useStoreChange } from '../../hooks/useStoreChange';
import { can, useSessionStore } from '../../stores/session';
import { useBackupsStore } from '../../stores/backups';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { fileSize } from './file-size';

/**
 * Settings → Backups (issue 10, section 5; permission backups.manage): the last backup (time,
 * size, result), when the next daily one is due, "Back up now", where backups go and whether they
 * are encrypted, and the backups on file with a restore for each. Read again when the settings
 * change elsewhere (issue 12); the settings form keeps the member's edits meanwhile.
 */
export function BackupsSection() {
  const session = useSessionStore((s) => s.session);
  if (!can(session, 'backups.manage')) return null;
  return <BackupsPanel />;
}

function BackupsPanel() {
  const { t } = useTranslation('backups');
  const { dateTime } = useFormat();
  const status = useBackupsStore((s) => s.status);
  const load = useBackupsStore((s) => s.load);
  const run = useBackupsStore((s) => s.run);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load(true).catch(notifyError);
  }, [load]);
  // A refusal leaves what is shown: the load above has said why.
  useStoreChange('settings', () => load(true).catch(() => {}));

  const backUpNow = async () => {
    setBusy(true);
    try {
      const result = await run();
      if (result.ok) notifySuccess(t('made', { file: result.file }));
      else notifyError(new Error(result.detail ?? result.errorCode ?? ''));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const last = status?.lastRun ?? null;
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-backups">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-backups">
          {t('title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        <Group gap="xl" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('lastBackup')}
            </Text>
            <Text size="sm" data-testid="backup-last">
              {last
                ? `${dateTime(last.at)} · ${t(last.ok ? 'result.ok' : 'result.failed')}${
                    last.bytes !== null ? ` · ${fileSize(last.bytes)}` : ''
                  }`
                : t('never')}
            </Text>
          </Stack>
          {status && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('nextDue')}
              </Text>
              <Text size="sm">{dateTime(status.nextDueAt)}</Text>
            </Stack>
          )}
        </Group>
        <Group>
          <Button loading={busy} onClick={() => void backUpNow()}>
            {t('runNow')}
          </Button>
        </Group>
        {status && <BackupSettingsForm status={status} />}
        <BackupList />
      </Stack>
    </Paper>
  );
}
