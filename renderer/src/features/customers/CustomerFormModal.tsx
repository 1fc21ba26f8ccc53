import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { InvoiceDetailsFields } from '../receipt-pdf/InvoiceDetailsFields';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useCustomersStore } from '../../stores/customers';
import {
  CUSTOMER_FORM_FIELDS,
  type CustomerFormValues,
  customerFormError,
  initialCustomerValues,
  toCustomerInput,
  validateCustomerForm,
} from './customer-form';
import './customers.css';

/** "New customer" and "Edit customer": name, email, phone, country, notes; opens in Name. */
export function CustomerFormModal({
  target,
  onClose,
  onCreated,
}: {
  /** `null`: closed; `'new'`: a new customer; a customer: edit it. */
  target: CustomerView | 'new' | null;
  onClose: () => void;
  /** Called with a new customer (e.g. to open their page). */
  onCreated?: (customer: CustomerView) => void;
}) {
  const { t } = useTranslation('customers');
  const customer = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={customer ? t('form.editTitle', { name: customer.name }) : t('form.newTitle')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
      size="lg"
    >
      {target !== null && (
        <CustomerForm
          key={customer?.id ?? 'new'}
          customer={customer}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Modal>
  );
}

function CustomerForm({
  customer,
  onClose,
  onCreated,
}: {
  customer: CustomerView | null;
  onClose: () => void;
  onCreated?: (customer: CustomerView) => void;
}) {
  const { t } = useTranslation('customers');
  const create = useCustomersStore((s) => s.create);
  const update = useCustomersStore((s) => s.update);
  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: initialCustomerValues(customer),
    validate: validateCustomerForm,
  });

  const { busy, formError, submit } = useServerSubmit(
    form,
    CUSTOMER_FORM_FIELDS,
    async (values: CustomerFormValues) => {
      const input = toCustomerInput(values);
      try {
        if (customer) {
          const saved = await update({ id: customer.id, ...input });
          notifySuccess(t('form.saved', { name: saved.name }));
        } else {
          const saved = await create(input);
          notifySuccess(t('form.added', { name: saved.name }));
          onCreated?.(saved);
        }
      } catch (error) {
        throw customerFormError(error);
      }
      onClose();
    },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate className="k-customer-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput label={t('form.name')} required data-autofocus {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput
            label={t('form.email')}
            type="email"
            description={t('form.emailHelp')}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('form.phone')}
            type="tel"
            description={t('form.phoneHelp')}
            {...form.getInputProps('phone')}
          />
        </Group>
        <TextInput label={t('form.country')} {...form.getInputProps('country')} />
        <Textarea label={t('form.notes')} size="md" rows={3} {...form.getInputProps('notes')} />
        <InvoiceDetailsFields form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {customer ? t('form.saveChanges') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
