import { Loader, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useSettingsStore } from '../../stores/settings';
import { BackupsSection } from '../backups/BackupsSection';
import { KeychainNotice } from './KeychainNotice';
import { MailSettings } from './MailSettings';
import { StoreServerSection } from '../store-server/StoreServerSection';
import { SmsSettingsSection } from './SmsSettingsSection';
import { PrintersSection } from '../printers/PrintersSection';
import { SettingsForm } from './SettingsForm';
import { ShiftSettingsSection } from '../shifts/ShiftSettingsSection';
import { StockSettingsSection } from '../stock/StockSettingsSection';

/**
 * Settings (permission settings.manage): the store (what receipts print, country, currency, tax,
 * time zone, language), the largest discount without a manager, this till's idle lock, and
 * whether the customer display opens on a second monitor.
 * Saving sends only what changed, and asks for the password again.
 */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={860}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <FormAlert message={loadError} />
      <KeychainNotice />
      {!settings && !loadError && <Loader aria-label={t('loading')} />}
      {settings && <SettingsForm settings={settings} />}
      {settings && <MailSettings />}
      {settings && <SmsSettingsSection />}
      {settings && <PrintersSection />}
      {settings && <ShiftSettingsSection />}
      {settings && <StockSettingsSection />}
      {settings && <BackupsSection />}
      {settings && <StoreServerSection />}
    </Stack>
  );
}
