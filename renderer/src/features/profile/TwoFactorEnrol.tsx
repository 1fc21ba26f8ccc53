import { Button, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';
import { RecoveryCodes } from './RecoveryCodes';

type Started = ChannelOutput<'twoFactor:startEnrolment'>;

/**
 * Turning on two-factor sign-in (issue 9 section 1): the core makes the seed and the QR code
 * (a `data:` PNG, so no QR library is loaded here); the member scans it or types the grouped
 * secret, confirms with a current code, and then sees the 10 recovery codes once.
 */
export function TwoFactorEnrol({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('profile');
  const { busy, run } = useBusy();
  const [started, setStarted] = useState<Started | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void run(async () => {
      try {
        setStarted(await call('twoFactor:startEnrolment'));
      } catch (caught) {
        setError(messageFor(caught));
      }
    });
    // Once per mount: each start makes a new seed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setError(t('twoFactor.enrol.codeRequired'));
      return;
    }
    void run(async () => {
      setError(null);
      try {
        setCodes((await call('twoFactor:confirmEnrolment', { code })).recoveryCodes);
      } catch (caught) {
        const wrong = (caught as AppError).code === 'INVALID_CREDENTIALS';
        setError(wrong ? t('twoFactor.enrol.wrongCode') : messageFor(caught));
        setCode('');
      }
    });
  };

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  if (!started)
    return (
      <Stack gap="sm">
        <FormAlert message={error} />
        {!error && <Text size="sm">{t('twoFactor.enrol.preparing')}</Text>}
        {onCancel && (
          <Group>
            <Button variant="default" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  return (
    <form onSubmit={confirm} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('twoFactor.enrol.scan')}</Text>
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Image
            src={started.qrDataUrl}
            alt={t('twoFactor.enrol.qrAlt')}
            w={200}
            h={200}
            fit="contain"
            data-testid="totp-qr"
          />
          <Stack gap="xs" style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {t('twoFactor.enrol.typeInstead')}
            </Text>
            <Text ff="monospace" fz="xl" fw={600} data-testid="totp-secret">
              {started.secretGroups.join(' ')}
            </Text>
            <Text size="sm" fw={600}>
              {t('twoFactor.enrol.uri')}
            </Text>
            <Text ff="monospace" fz="xs" data-testid="totp-uri" style={{ wordBreak: 'break-all' }}>
              {started.uri}
            </Text>
          </Stack>
        </Group>
        <FormAlert message={error} />
        <TextInput
          label={t('twoFactor.enrol.code')}
          description={t('twoFactor.enrol.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={240}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('twoFactor.enrol.confirm')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
