import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { TwoFactorEnrol } from './TwoFactorEnrol';
import { TwoFactorRemove } from './TwoFactorRemove';

type Status = ChannelOutput<'twoFactor:status'>;
type Mode = 'view' | 'enrol' | 'remove';

/**
 * The profile's two-factor section (issue 9 section 1): whether sign-in asks for an authenticator
 * code, how many recovery codes are left, and the way to set it up or turn it off (the password
 * and a current code). A role that requires 2FA is said so.
 */
export function TwoFactorSection() {
  const { t } = useTranslation('profile');
  const format = useFormat();
  const [status, setStatus] = useState<Status | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await call('twoFactor:status'));
      setError(null);
    } catch (caught) {
      setError(messageFor(caught));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const back = () => {
    setMode('view');
    void load();
  };

  if (mode === 'enrol') return <TwoFactorEnrol onDone={back} onCancel={back} />;
  if (mode === 'remove') return <TwoFactorRemove onDone={back} onCancel={() => setMode('view')} />;
  if (!status) return <FormAlert message={error} />;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Badge color={status.enrolled ? 'green' : 'gray'} variant="light" size="lg">
          {t(status.enrolled ? 'twoFactor.on' : 'twoFactor.off')}
        </Badge>
        {status.requiredByRole && (
          <Text size="sm" c="dimmed">
            {t('twoFactor.required')}
          </Text>
        )}
      </Group>
      <Text size="sm">
        {status.enrolled
          ? t('twoFactor.onSince', {
              date: format.dateTime(status.enrolledAt!),
              count: status.recoveryCodesLeft,
            })
          : t('twoFactor.explain')}
      </Text>
      <Group>
        {status.enrolled ? (
          <Button variant="light" color="red" onClick={() => setMode('remove')}>
            {t('twoFactor.remove.button')}
          </Button>
        ) : (
          <Button onClick={() => setMode('enrol')}>{t('twoFactor.setUp')}</Button>
        )}
      </Group>
    </Stack>
  );
}
