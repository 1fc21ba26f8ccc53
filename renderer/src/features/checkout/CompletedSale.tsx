import { Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPrinter, IconReceipt2 } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail, TillSettings } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { printReceipt, Receipt } from '../receipt/Receipt';
import { EmailReceipt } from '../receipt-pdf/EmailReceipt';
import { ReprintButton } from '../printers/ReprintButton';

/**
 * After "Complete sale": the change to give (big, it is what the cashier counts out next), the
 * receipt, "Print receipt" and "New sale" (focused; Enter).
 */
export function CompletedSale({
  sale,
  settings,
  onNewSale,
}: {
  sale: SaleDetail;
  settings: TillSettings | null;
  onNewSale: () => void;
}) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const newSale = useRef<HTMLButtonElement>(null);
  useEffect(() => newSale.current?.focus(), []);
  const change = sale.tenders.reduce((sum, tender) => sum + (tender.change ?? 0), 0);
  return (
    <Stack gap="md" className="k-co">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('done.title')}
        </Title>
      </Group>
      <div className="k-co-done">
        <Receipt sale={sale} settings={settings} />
        <Stack gap="sm" className="k-co-done-actions">
          <Paper
            withBorder
            p="md"
            className="k-co-done-change"
            data-change={change > 0 || undefined}
          >
            <Text size="sm" fw={600}>
              {t('done.change')}
            </Text>
            <Text className="k-co-done-change-figure" aria-label={t('done.change')}>
              {money(change, sale.currency)}
            </Text>
          </Paper>
          <Button
            ref={newSale}
            size="xl"
            leftSection={<IconReceipt2 size={22} />}
            rightSection={
              <Kbd className="k-co-pay-kbd" aria-hidden>
                {t('keys.enter')}
              </Kbd>
            }
            onClick={onNewSale}
          >
            {t('done.newSale')}
          </Button>
          <Button
            size="lg"
            variant="default"
            leftSection={<IconPrinter size={20} />}
            onClick={printReceipt}
          >
            {t('done.print')}
          </Button>
          <EmailReceipt sale={sale} />
          <ReprintButton saleId={sale.id} />
        </Stack>
      </div>
    </Stack>
  );
}
