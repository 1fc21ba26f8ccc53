import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CustomerView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { zodValidator } from '../../forms/validation';
import { useCustomersStore } from '../../stores/customers';
import {
  CUSTOMER_FORM_FIELDS,
  type CustomerFormValues,
  customerFormError,
  customerFormSchema,
  initialCustomerValues,
  toCustomerInput,
} from './customer-form';

/** "New customer" and "Edit customer": name, email, phone, country, notes. */
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
  const customer = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'New customer'}
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
  const create = useCustomersStore((s) => s.create);
  const update = useCustomersStore((s) => s.update);
  const form = useForm<CustomerFormValues>({
    mode: 'controlled',
    initialValues: initialCustomerValues(customer),
    validate: zodValidator<CustomerFormValues>(customerFormSchema),
  });

  const { busy, formError, submit } = useServerSubmit(
    form,
    CUSTOMER_FORM_FIELDS,
    async (values: CustomerFormValues) => {
      const input = toCustomerInput(values);
      try {
        if (customer) {
          const saved = await update({ id: customer.id, ...input });
          notifySuccess(`${saved.name}'s details were saved.`);
        } else {
          const saved = await create(input);
          notifySuccess(`${saved.name} was added.`);
          onCreated?.(saved);
        }
      } catch (error) {
        throw customerFormError(error);
      }
      onClose();
    },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput
            label="Email"
            type="email"
            description="Optional; each customer's own"
            {...form.getInputProps('email')}
          />
          <TextInput
            label="Phone"
            type="tel"
            description="Optional; each customer's own"
            {...form.getInputProps('phone')}
          />
        </Group>
        <TextInput label="Country" {...form.getInputProps('country')} />
        <Textarea label="Notes" size="md" rows={3} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {customer ? 'Save changes' : 'Add customer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
