import { Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';

/**
 * The restore safe mode offers (D5): a backup from this computer's backups folder, and the
 * username and password of an admin as they were in that backup (nobody can sign in to the
 * damaged file). On success the core has restarted on the restored file: the app starts again.
 * Loaded lazily from the safe-mode banner, outside the sign-in chunk.
 */
export function SafeModeRestore() {
  const { t } = useTranslation('backups');
  const { dateTime } = useFormat();
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    try {
      const found = await call('backups:safeModeList');
      setList(found);
      setName(found[0]?.name ?? null);
    } catch (e) {
      setError(messageFor(e));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name) return;
    setBusy(true);
    setError(null);
    try {
      await call('backups:safeModeRestore', {
        name,
        username,
        password,
        ...(passphrase ? { passphrase } : {}),
      });
      window.location.reload();
    } catch (e) {
      setError(messageFor(e));
      setBusy(false);
    }
  };

  if (!list)
    return (
      <Stack gap="xs" align="flex-start">
        <FormAlert message={error} />
        <Button variant="default" onClick={() => void open()}>
          {t('safeMode.open')}
        </Button>
      </Stack>
    );
  if (list.length === 0) return <Text size="sm">{t('safeMode.none')}</Text>;
  const chosen = list.find((b) => b.name === name);
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('safeMode.title')}>
      <Stack gap="sm" maw={420}>
        <Text size="sm">{t('safeMode.explain')}</Text>
        <FormAlert message={error} />
        <Select
          label={t('safeMode.backup')}
          data={list.map((b) => ({
            value: b.name,
            label: `${dateTime(b.createdAt)} · ${t(`reasons.${b.reason}`, { defaultValue: b.reason })}`,
          }))}
          value={name}
          onChange={setName}
          allowDeselect={false}
        />
        <TextInput
          label={t('safeMode.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="username"
          required
        />
        <PasswordInput
          label={t('safeMode.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          required
        />
        {chosen?.encrypted && (
          <PasswordInput
            label={t('restore.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="off"
            required
          />
        )}
        <Button type="submit" color="red.9" loading={busy} disabled={!name}>
          {t('restore.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
