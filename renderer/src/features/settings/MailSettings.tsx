import { Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useLoadFollowing } from '../../hooks/useStoreChange';
import { MailSettingsForm } from './MailSettingsForm';

/**
 * Settings → E-mail (issue 9, section 4): the SMTP server that sends verification codes and
 * "forgot password" codes. Off until saved; "Send test e-mail" tries the saved settings, and
 * "Turn e-mail off" removes them with the sealed password. Read again when the settings change
 * elsewhere (issue 12); the form keeps the member's edits meanwhile.
 */
export function MailSettings() {
  const { t } = useTranslation('settings');
  const [view, setView] = useState<MailSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const test = useBusy();
  const off = useBusy();
  /** A new form after "Turn e-mail off": the member asked for the empty one. */
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setView(await call('mail:getSettings'));
      setError(null);
    } catch (e) {
      setError(messageFor(e));
    }
  }, []);
  useLoadFollowing('settings', load);

  const sendTest = () =>
    test.run(async () => {
      setError(null);
      try {
        await call('mail:sendTest', { to });
        notifySuccess(t('mail.testSent', { to }));
      } catch (e) {
        setError(messageFor(e));
      }
    });
  const turnOff = () =>
    off.run(async () => {
      setError(null);
      try {
        await call('mail:removeSettings');
        setView(await call('mail:getSettings'));
        setFormKey((k) => k + 1);
      } catch (e) {
        setError(messageFor(e));
      }
    });

  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-mail">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="settings-mail">
            {t('mail.title')}
          </Title>
          {view && (
            <Badge color={view.configured ? 'teal' : 'gray'} variant="light">
              {view.configured ? t('mail.on') : t('mail.off')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('mail.help')}
        </Text>
        <FormAlert message={error} />
        {!view && !error && <Loader aria-label={t('loading')} />}
        {view && (
          <MailSettingsForm
            key={formKey}
            view={view}
            onSaved={setView}
            save={(input) => call('mail:updateSettings', input)}
          />
        )}
        {view?.configured && (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('mail.testTo')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <Button
              variant="light"
              loading={test.busy}
              disabled={!to.trim()}
              onClick={() => void sendTest()}
            >
              {t('mail.sendTest')}
            </Button>
            <Button variant="subtle" color="red" loading={off.busy} onClick={() => void turnOff()}>
              {t('mail.turnOff')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
