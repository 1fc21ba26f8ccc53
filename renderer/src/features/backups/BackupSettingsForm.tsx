import {
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus, ChannelInput } from '../../../../shared/contract';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBackupsStore } from '../../stores/backups';
import { ChooseFolderButton } from './ChooseFolderButton';

/**
 * Where backups go besides this computer (a USB drive or a network share, picked in the system's
 * folder dialog or typed as a full path) and the
 * passphrase that encrypts them (`backups:updateSettings`, which asks for the password again). An
 * empty passphrase field keeps the one set; "Stop encrypting" removes it.
 */
export function BackupSettingsForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation('backups');
  const updateSettings = useBackupsStore((s) => s.updateSettings);
  const [folder, setFolder] = useState(status.folder ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [removePassphrase, setRemovePassphrase] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typeOnly, setTypeOnly] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const input: ChannelInput<'backups:updateSettings'> = { folder: folder.trim() || null };
    if (removePassphrase) input.passphrase = null;
    else if (passphrase) input.passphrase = passphrase;
    try {
      await updateSettings(input);
      setPassphrase('');
      notifySuccess(t('settings.saved'));
    } catch (e) {
      setError(messageFor(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="backup-settings-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="backup-settings-title">
          {t('settings.title')}
        </Title>
        <FormAlert message={error} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('settings.folder')}
            description={t(typeOnly ? 'settings.folderTypeOnly' : 'settings.folderHelp')}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            maxLength={500}
          />
          <ChooseFolderButton
            onChosen={setFolder}
            onTypeOnly={() => setTypeOnly(true)}
            onError={setError}
          />
        </Group>
        <Text size="sm">
          {t(status.encrypted ? 'settings.encrypted' : 'settings.notEncrypted')}
        </Text>
        <PasswordInput
          label={t('settings.passphrase')}
          description={t('settings.passphraseHelp')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          disabled={removePassphrase}
          autoComplete="new-password"
          maxLength={200}
        />
        {status.encrypted && (
          <Checkbox
            label={t('settings.removePassphrase')}
            checked={removePassphrase}
            onChange={(e) => setRemovePassphrase(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
