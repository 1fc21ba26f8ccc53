import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/contract';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBackupsStore } from '../../stores/backups';

/**
 * Confirms a restore (`backups:restore`, which asks for the password again): what goes back and
 * what is set aside, and the backup's passphrase when it is encrypted. A refusal (damaged file,
 * wrong passphrase, newer schema) is shown here and nothing changes; on success the core restarts
 * and the sign-in screen shows.
 */
export function RestoreDialog({
  backup,
  onClose,
}: {
  backup: BackupEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('backups');
  const { dateTime, count } = useFormat();
  const restore = useBackupsStore((s) => s.restore);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPassphrase('');
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!backup) return;
    setBusy(true);
    setError(null);
    try {
      await restore({
        location: backup.location,
        name: backup.name,
        ...(passphrase ? { passphrase } : {}),
      });
      notifySuccess(t('restore.done'));
      close();
    } catch (e) {
      setError(messageFor(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={backup !== null} onClose={close} title={t('restore.title')} centered>
      {backup && (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="md">
            <Text size="sm">
              {t('restore.body', {
                when: dateTime(backup.createdAt),
                sales: backup.sales === null ? '–' : count(backup.sales),
              })}
            </Text>
            <FormAlert message={error} />
            {backup.encrypted && (
              <PasswordInput
                label={t('restore.passphrase')}
                description={t('restore.passphraseHelp')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                autoComplete="off"
                maxLength={200}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('restore.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={busy}>
                {t('restore.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
