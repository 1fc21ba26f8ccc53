import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';

/** "Send test code": one real code to a phone, to check the SMS provider's settings. */
export function SmsTestSend() {
  const { t } = useTranslation('settings');
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '' },
    validate: { phone: (v) => (v.trim() === '' ? t('sms.required') : null) },
  });
  const { busy, formError, submit } = useServerSubmit(form, ['phone'] as const, async (v) => {
    await call('sms:sendTest', v);
    notifySuccess(t('sms.testSent'));
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('sms.testLabel')}>
      <FormAlert message={formError} />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('sms.testPhone')}
          description={t('sms.testPhoneHelp')}
          type="tel"
          autoComplete="off"
          style={{ flex: 1 }}
          {...form.getInputProps('phone')}
        />
        <Button type="submit" variant="light" loading={busy}>
          {t('sms.sendTest')}
        </Button>
      </Group>
    </form>
  );
}
