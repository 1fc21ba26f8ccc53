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
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus, ChannelInput } from '../../../../shared/contract';
import { messageFor } from '../../api/messages';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFollowStored } from '../../forms/useFollowStored';
import { useBackupsStore } from '../../stores/backups';
import { ChooseFolderButton } from './ChooseFolderButton';

interface BackupValues {
  folder: string;
  /** Empty: keep the passphrase set. */
  passphrase: string;
  removePassphrase: boolean;
}

/** The form's values for the stored settings: the passphrase field always starts empty. */
function backupValues(status: BackupStatus): BackupValues {
  return { folder: status.folder ?? '', passphrase: '', removePassphrase: false };
}

/**
 * Where backups go besides this computer (a USB drive or a network share, picked in the system's
 * folder dialog or typed as a full path) and the
 * passphrase that encrypts them (`backups:updateSettings`, which asks for the password again). An
 * empty passphrase field keeps the one set; "Stop encrypting" removes it. When the settings change
 * elsewhere the form follows them, keeping the member's edits (`useFollowStored`).
 */
export function BackupSettingsForm({ status }: { status: BackupStatus }) {
  const { t } = useTranslation('backups');
  const updateSettings = useBackupsStore((s) => s.updateSettings);
  const stored = backupValues(status);
  const form = useForm<BackupValues>({ mode: 'controlled', initialValues: stored });
  const followed = useFollowStored(form, stored, { ...stored, encrypted: status.encrypted });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typeOnly, setTypeOnly] = useState(false);

  const submit = async (v: BackupValues) => {
    setError(null);
    setBusy(true);
    const input: ChannelInput<'backups:updateSettings'> = { folder: v.folder.trim() || null };
    if (v.removePassphrase) input.passphrase = null;
    else if (v.passphrase) input.passphrase = v.passphrase;
    try {
      await followed.saving(async () => {
        await updateSettings(input);
        const next = useBackupsStore.getState().status;
        if (next) followed.take(backupValues(next));
      });
      notifySuccess(t('settings.saved'));
    } catch (e) {
      setError(messageFor(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} aria-labelledby="backup-settings-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="backup-settings-title">
          {t('settings.title')}
        </Title>
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={error} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('settings.folder')}
            description={t(typeOnly ? 'settings.folderTypeOnly' : 'settings.folderHelp')}
            maxLength={500}
            {...form.getInputProps('folder')}
          />
          <ChooseFolderButton
            onChosen={(folder) => form.setFieldValue('folder', folder)}
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
          disabled={form.getValues().removePassphrase}
          autoComplete="new-password"
          maxLength={200}
          {...form.getInputProps('passphrase')}
        />
        {status.encrypted && (
          <Checkbox
            label={t('settings.removePassphrase')}
            {...form.getInputProps('removePassphrase', { type: 'checkbox' })}
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
