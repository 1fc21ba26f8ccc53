import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { CheckoutModal } from './CheckoutModal';

type Field = 'name' | 'email' | 'phone';

/**
 * "New customer" at the till: name, optional email and phone → `customers:create`, and the new
 * customer is attached to the sale. The core's field errors show under their fields; CONFLICT
 * (email or phone already used) under both.
 */
export function NewCustomerModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (customer: CustomerView) => void;
}) {
  const { t } = useTranslation('checkout');
  return (
    <CheckoutModal opened={opened} onClose={onClose} title={t('newCustomer.title')} size="md">
      {opened && <NewCustomerForm onClose={onClose} onCreated={onCreated} />}
    </CheckoutModal>
  );
}

function NewCustomerForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (customer: CustomerView) => void;
}) {
  const { t } = useTranslation('checkout');
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) {
      setErrors({ name: t('newCustomer.nameRequired') });
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const customer = await call('customers:create', {
        name: values.name,
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
      });
      onCreated(customer);
    } catch (error) {
      const next: Partial<Record<Field, string>> = {};
      if (error instanceof AppError) {
        for (const issue of error.issues ?? []) {
          const field = issue.path.split('.')[0] as Field;
          if (field in values) next[field] = issue.message;
        }
        if (error.code === 'CONFLICT' && Object.keys(next).length === 0) {
          setFormError(t('newCustomer.conflict'));
        } else if (Object.keys(next).length === 0) setFormError(messageFor(error));
      } else setFormError(messageFor(error));
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field) => ({
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const v = e.currentTarget.value;
      setValues((s) => ({ ...s, [name]: v }));
      setErrors((s) => ({ ...s, [name]: undefined }));
    },
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput
          label={t('newCustomer.name')}
          required
          data-autofocus
          autoComplete="off"
          {...field('name')}
        />
        <TextInput
          label={t('newCustomer.email')}
          type="email"
          autoComplete="off"
          {...field('email')}
        />
        <TextInput
          label={t('newCustomer.phone')}
          type="tel"
          autoComplete="off"
          {...field('phone')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('newCustomer.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('newCustomer.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
