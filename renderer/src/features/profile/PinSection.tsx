import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { FIELD_MESSAGES, messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { currentPasswordSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { usePinStore } from '../../stores/pin';

type PinValues = { pin: string; repeat: string; password: string };
const pinSchema = z
  .object({
    pin: z.string().regex(/^[0-9]{4,8}$/, 'profile:pin.digits'),
    repeat: z.string(),
    password: currentPasswordSchema,
  })
  .refine((v) => v.pin === v.repeat, { path: ['repeat'], message: 'profile:pin.mismatch' });

/**
 * Profile → Till PIN (issue 9, section 5): set, change or remove the 4-8 digit PIN that unlocks
 * this member's locked till and lets them switch back in. Setting it asks for the password.
 */
export function PinSection() {
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const { status, loadStatus, setPin, clearPin } = usePinStore();
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<PinValues>({
    mode: 'controlled',
    initialValues: { pin: '', repeat: '', password: '' },
    validate: zodValidator<PinValues>(pinSchema),
  });

  useEffect(() => {
    loadStatus().catch(notifyError);
  }, [loadStatus]);

  const submit = ({ pin, password }: PinValues) =>
    run(async () => {
      setError(null);
      try {
        await setPin(password, pin);
        form.reset();
        notifySuccess(t('pin.saved'));
      } catch (caught) {
        form.setFieldValue('password', '');
        if (caught instanceof AppError && caught.code === 'INVALID_CREDENTIALS')
          form.setFieldError('password', FIELD_MESSAGES.wrongPassword);
        else if (caught instanceof AppError && caught.code === 'VALIDATION_FAILED')
          form.setFieldError('pin', t('pin.tooSimple'));
        else setError(messageFor(caught));
      }
    });

  const remove = () =>
    run(async () => {
      await clearPin().catch(notifyError);
    });

  return (
    <Stack gap="md" maw={520}>
      <Text>{t('pin.intro')}</Text>
      <Group gap="sm">
        {status?.disabledAt ? (
          <Badge color="red" variant="light">
            {t('pin.disabled')}
          </Badge>
        ) : status?.set ? (
          <Badge color="green" variant="light">
            {t('pin.isSet')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('pin.notSet')}
          </Badge>
        )}
        {status?.updatedAt && (
          <Text size="sm" c="gray.7">
            {t('pin.setAt', { time: dateTime(status.updatedAt) })}
          </Text>
        )}
      </Group>
      {status?.disabledAt && <Text size="sm">{t('pin.disabledHelp')}</Text>}
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('pin.title')}>
        <Stack gap="sm">
          <FormAlert message={error} />
          <PasswordInput
            label={t('pin.new')}
            description={t('pin.rules')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            {...form.getInputProps('pin')}
          />
          <PasswordInput
            label={t('pin.repeat')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            {...form.getInputProps('repeat')}
          />
          <PasswordInput
            label={t('pin.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {status?.set ? t('pin.change') : t('pin.set')}
            </Button>
            {status?.set && (
              <Button variant="default" color="red" onClick={remove} disabled={busy}>
                {t('pin.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
