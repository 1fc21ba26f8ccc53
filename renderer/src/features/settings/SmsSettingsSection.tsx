import {
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsStatus } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFollowStored } from '../../forms/useFollowStored';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useFormat } from '../../format/locale';
import { useLoadFollowing } from '../../hooks/useStoreChange';
import { SmsTestSend } from './SmsTestSend';

interface SmsValues {
  baseUrl: string;
  keyId: string;
  keySecret: string;
  templateId: string;
}
const FIELDS = ['baseUrl', 'keyId', 'keySecret', 'templateId'] as const;
/** EngageLab's OTP API, as an example of the address to enter. */
const EXAMPLE_URL = 'https://otp.api.engagelab.cc';
const EMPTY: SmsValues = { baseUrl: '', keyId: '', keySecret: '', templateId: '' };

/**
 * Settings → Text messages (issue 9, section 4): the SMS one-time-code provider phone verification
 * uses. The address and keys go in and are never shown again (the core keeps them sealed); the
 * screen shows only whether SMS is configured. Saving and removing ask for the password again.
 * The status is read again when the settings change elsewhere (issue 12); keys being typed are
 * kept meanwhile, with a notice.
 */
export function SmsSettingsSection() {
  const { t } = useTranslation('settings');
  const [status, setStatus] = useState<SmsStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setStatus(await call('sms:status'));
      setLoadError(null);
    } catch (error) {
      setLoadError(messageFor(error));
    }
  }, []);
  useLoadFollowing('settings', load);

  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-sms">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-sms">
          {t('sms.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sms.intro')}
        </Text>
        <FormAlert message={loadError} />
        {status && <SmsStatusLine status={status} />}
        {status && <SmsForm status={status} onSaved={setStatus} />}
        {status?.configured && <SmsTestSend />}
      </Stack>
    </Paper>
  );
}

function SmsStatusLine({ status }: { status: SmsStatus }) {
  const { t } = useTranslation('settings');
  const { dateTime } = useFormat();
  const state = status.configured ? 'configured' : status.unreadable ? 'unreadable' : 'off';
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Badge color={state === 'configured' ? 'teal' : state === 'off' ? 'gray' : 'red'}>
          {t(`sms.state.${state}`)}
        </Badge>
        {status.templateId && (
          <Text size="sm">{t('sms.templateShown', { template: status.templateId })}</Text>
        )}
      </Group>
      {status.updatedAt && (
        <Text size="sm" c="dimmed">
          {t('sms.updated', { at: dateTime(status.updatedAt) })}
        </Text>
      )}
      {state === 'unreadable' && <Text size="sm">{t('sms.unreadableHelp')}</Text>}
    </Stack>
  );
}

function SmsForm({ status, onSaved }: { status: SmsStatus; onSaved: (s: SmsStatus) => void }) {
  const { t } = useTranslation('settings');
  const form = useForm<SmsValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (v) =>
      Object.fromEntries(
        FIELDS.filter((f) => v[f].trim() === '').map((f) => [f, t('sms.required')]),
      ),
  });
  // The stored keys never come back: the form follows the provider's status instead.
  const followed = useFollowStored(form, EMPTY, status);
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, (v) =>
    followed.saving(async () => {
      const next = await call('sms:save', v);
      followed.take(EMPTY);
      onSaved(next);
      notifySuccess(t('sms.saved'));
    }),
  );
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    try {
      const next = await call('sms:clear');
      followed.take(EMPTY);
      onSaved(next);
      notifySuccess(t('sms.removed'));
    } catch (error) {
      notifyError(error);
    } finally {
      setRemoving(false);
    }
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('sms.formLabel')}>
      <Stack gap="sm">
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={formError} />
        <TextInput
          label={t('sms.baseUrl')}
          description={t('sms.baseUrlHelp')}
          placeholder={EXAMPLE_URL}
          autoComplete="off"
          {...form.getInputProps('baseUrl')}
        />
        <Group grow align="flex-start">
          <TextInput label={t('sms.keyId')} autoComplete="off" {...form.getInputProps('keyId')} />
          <PasswordInput
            label={t('sms.keySecret')}
            autoComplete="new-password"
            {...form.getInputProps('keySecret')}
          />
        </Group>
        <TextInput
          label={t('sms.templateId')}
          description={t('sms.templateIdHelp')}
          autoComplete="off"
          {...form.getInputProps('templateId')}
        />
        <Group justify="flex-end" gap="sm">
          {(status.configured || status.unreadable) && (
            <Button variant="default" color="red" loading={removing} onClick={() => void remove()}>
              {t('sms.remove')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {status.configured ? t('sms.replace') : t('sms.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
