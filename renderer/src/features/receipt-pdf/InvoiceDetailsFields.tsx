import { Fieldset, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomerFormValues } from '../customers/customer-form';

/**
 * The customer form's invoice details (issue 10, section 3): company name, VAT number and
 * billing address. With a company name and a VAT number, the customer's receipts go out as A4
 * invoices.
 */
export function InvoiceDetailsFields({ form }: { form: UseFormReturnType<CustomerFormValues> }) {
  const { t } = useTranslation('customers');
  return (
    <Fieldset legend={t('form.invoiceDetails')} variant="unstyled">
      <Text size="sm" c="gray.7" mb="xs">
        {t('form.invoiceHelp')}
      </Text>
      <TextInput label={t('form.companyName')} {...form.getInputProps('companyName')} />
      <TextInput label={t('form.vatNumber')} mt="xs" {...form.getInputProps('vatNumber')} />
      <TextInput
        label={t('form.billingAddress')}
        mt="xs"
        {...form.getInputProps('billingAddress')}
      />
    </Fieldset>
  );
}
