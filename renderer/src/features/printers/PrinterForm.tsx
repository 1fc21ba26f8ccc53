import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  PAPER_WIDTHS,
  PRINTER_CODEPAGES,
  type Printer,
  type PrinterCodepage,
  type PaperWidth,
} from '../../../../shared/contract';
import { call } from '../../api/client';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { useFollowStored } from '../../forms/useFollowStored';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { ReceiptLayoutFields } from './ReceiptLayoutFields';
import {
  NEW_PRINTER,
  PRINTER_FIELDS,
  printerInput,
  printerValues,
  validatePrinter,
  type ConnectionType,
  type PrinterValues,
} from './printer-form';

/**
 * Adds or edits a printer: its name, how the till reaches it (network address and port, the
 * system's print queue, or the system's driver), paper width, character set, the receipt's logo,
 * header and footer lines, and whether it prints every receipt, has the cash drawer, and is the
 * till's receipt printer. Saving asks for the password again (the API client handles it). When the
 * printer changes elsewhere the form follows it, keeping the member's edits (`useFollowStored`).
 */
export function PrinterForm({
  printer,
  onSaved,
  onCancel,
}: {
  printer: Printer | null;
  onSaved: (p: Printer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('printers');
  const stored = printer ? printerValues(printer) : NEW_PRINTER;
  const form = useForm<PrinterValues>({
    mode: 'controlled',
    initialValues: stored,
    validate: (v) =>
      Object.fromEntries(Object.entries(validatePrinter(v)).map(([k, key]) => [k, t(key)])),
  });
  const followed = useFollowStored(form, stored);
  const { busy, formError, submit } = useServerSubmit(form, PRINTER_FIELDS, (v) =>
    followed.saving(async () => {
      onSaved(await call('printing:savePrinter', printerInput(v, printer?.id)));
    }),
  );
  const type = form.values.type;
  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="md">
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={formError} />
        <TextInput label={t('form.name')} required maxLength={60} {...form.getInputProps('name')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="printer-connection">
            {t('form.connection')}
          </Text>
          <SegmentedControl
            aria-labelledby="printer-connection"
            fullWidth
            data={(['network', 'queue', 'driver'] as const).map((value) => ({
              value,
              label: t(`connection.${value}`),
            }))}
            {...form.getInputProps('type')}
            onChange={(value) => form.setFieldValue('type', value as ConnectionType)}
          />
          <Text size="xs" c="dimmed">
            {t(`connectionHelp.${type}`)}
          </Text>
        </Stack>
        {type === 'network' && (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('form.host')}
              placeholder="192.168.1.50"
              required
              {...form.getInputProps('host')}
            />
            <TextInput
              label={t('form.port')}
              inputMode="numeric"
              required
              {...form.getInputProps('port')}
            />
          </Group>
        )}
        {type === 'queue' && (
          <TextInput
            label={t('form.queue')}

            required
            {...form.getInputProps('queue')}
          />
        )}
        {type === 'driver' && (
          <TextInput label={t('form.deviceName')} required {...form.getInputProps('deviceName')} />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('form.paperWidth')}
            data={PAPER_WIDTHS.map((value) => ({ value, label: t(`paper.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('paperWidth')}
            onChange={(value) => value && form.setFieldValue('paperWidth', value as PaperWidth)}
          />
          <Select
            label={t('form.codepage')}
            data={PRINTER_CODEPAGES.map((value) => ({
              value,
              label: value === 'auto' ? t('form.codepageAuto') : value,
            }))}
            allowDeselect={false}
            {...form.getInputProps('codepage')}
            onChange={(value) => value && form.setFieldValue('codepage', value as PrinterCodepage)}
          />
        </Group>
        <ReceiptLayoutFields form={form} />
        <Checkbox
          label={t('form.autoPrint')}
          {...form.getInputProps('autoPrint', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('form.cashDrawer')}
          disabled={type === 'driver'}
          {...form.getInputProps('cashDrawer', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('form.isDefault')}
          {...form.getInputProps('isDefault', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
