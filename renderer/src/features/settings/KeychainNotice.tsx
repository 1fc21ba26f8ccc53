import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { StoreKeyNotice } from './StoreKeyNotice';

/** How often a till waiting for the store's key asks again (other tills share it every 5 s). */
const STORE_KEY_RECHECK_MS = 5_000;

/**
 * Settings → where this till keeps its secrets (issue 9, section 1; docs/security-requirements.md,
 * "Keychain"). With the OS keychain: nothing. With the opted-in key file: a standing warning.
 * With neither: why two-factor sign-in and mail/SMS settings are refused, and the opt-in button
 * (`secrets:useKeyFile`, which asks for the password again). On a store server, with a keychain,
 * whether the till holds the store's key (StoreKeyNotice), asked again every 5 s while it waits.
 * When the status cannot be read (e.g. the channel fails), nothing is shown: the features
 * themselves still say why they refuse.
 */
export function KeychainNotice() {
  const { t } = useTranslation('settings');
  const [status, setStatus] = useState<SecretsStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setStatus(await call('secrets:status'));
    } catch {
      setStatus(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const waiting = status?.storeKey === 'pending';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), STORE_KEY_RECHECK_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const optIn = async () => {
    setBusy(true);
    try {
      setStatus(await call('secrets:useKeyFile'));
      notifySuccess(t('keychain.optedIn'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (status?.keychain === 'keyFile')
    return (
      <>
        <Alert
          role="status"
          color="yellow"
          variant="light"
          title={t('keychain.keyFileTitle')}
          icon={<IconAlertTriangle size={20} aria-hidden />}
        >
          {t('keychain.keyFileWarning')}
        </Alert>
        <StoreKeyNotice state={status.storeKey} />
      </>
    );
  if (status?.keychain === 'os') return <StoreKeyNotice state={status.storeKey} />;
  if (status?.keychain !== 'none') return null;
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-keychain">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id="settings-keychain">
          {t('keychain.noneTitle')}
        </Title>
        <Text size="sm">{t('keychain.noneExplain')}</Text>
        <Text size="sm" c="dimmed">
          {t('keychain.optInExplain')}
        </Text>
        <Button variant="default" loading={busy} onClick={() => void optIn()}>
          {t('keychain.optIn')}
        </Button>
      </Stack>
    </Paper>
  );
}
