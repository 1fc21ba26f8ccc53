import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPrinterOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrintingStore } from '../../stores/printing';

/** How often the till looks at the print queue (ms). */
export const PRINT_STATUS_POLL_MS = 5_000;

/**
 * The till's printer banner (issue 10, section 2): shown only while receipts wait because the
 * printer is off, out of paper or unreachable ("Printer offline — 2 receipts waiting"), with the
 * printer's error and "Retry". It never blocks the sale: selling goes on underneath.
 */
export function PrintStatusBanner() {
  const { t } = useTranslation('printers');
  const status = usePrintingStore((s) => s.status);
  const refresh = usePrintingStore((s) => s.refresh);
  const retry = usePrintingStore((s) => s.retry);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), PRINT_STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  if (!status?.configured || status.error === null || status.waiting === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      icon={<IconPrinterOff size={20} aria-hidden />}
      title={t('banner.title', { count: status.waiting })}
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{status.error}</Text>
        <Button size="xs" variant="default" onClick={() => void retry()}>
          {t('banner.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
