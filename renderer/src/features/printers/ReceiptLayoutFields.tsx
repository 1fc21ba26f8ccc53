import { Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PAPER_COLUMNS, RECEIPT_TEXT_LINES } from '../../../../shared/contract';
import { LogoField } from './LogoField';
import type { PrinterValues } from './printer-form';

/**
 * What this printer prints around its receipts: a logo on top, header lines under the store's
 * details, footer lines under the receipt footer. Line limits follow the paper width.
 */
export function ReceiptLayoutFields({ form }: { form: UseFormReturnType<PrinterValues> }) {
  const { t } = useTranslation('printers');
  const { paperWidth, type } = form.values;
  const limits = { lines: RECEIPT_TEXT_LINES, columns: PAPER_COLUMNS[paperWidth] };
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={600} mb={4}>
        {t('layout.title')}
      </Text>
      {type !== 'driver' && (
        <LogoField
          value={form.values.logo}
          paperWidth={paperWidth}
          error={form.errors.logo}
          onChange={(logo) => form.setFieldValue('logo', logo)}
        />
      )}
      <Textarea
        label={t('layout.header')}
        description={t('layout.headerHelp', limits)}
        rows={RECEIPT_TEXT_LINES}
        {...form.getInputProps('receiptHeader')}
      />
      <Textarea
        label={t('layout.footer')}
        description={t('layout.footerHelp', limits)}
        rows={RECEIPT_TEXT_LINES}
        {...form.getInputProps('receiptFooter')}
      />
    </Stack>
  );
}
