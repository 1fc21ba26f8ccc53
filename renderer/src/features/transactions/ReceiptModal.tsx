import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail, TillSettings } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { printOnly } from './print';
import { ReprintButton } from '../printers/ReprintButton';
import { displayDescription, receiptLabel, tenderLabel } from './sale-format';

/** "Print receipt": the receipt as it prints, and a Print button (the system print dialog). */
export function ReceiptModal({
  sale,
  settings,
  onClose,
}: {
  sale: SaleDetail | null;
  settings: TillSettings | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('transactions');
  return (
    <Modal
      opened={sale !== null}
      onClose={onClose}
      title={t('receipt.title')}
      size="sm"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {sale && (
        <Stack gap="md">
          <div className="k-tx-receipt-paper">
            <SaleReceipt sale={sale} storeName={settings?.storeName ?? ''} />
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.close')}
            </Button>
            <ReprintButton saleId={sale.id} size="sm" />
            <Button
              leftSection={<IconPrinter size={18} />}
              onClick={() => printOnly('receipt')}
              data-autofocus
            >
              {t('receipt.print')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A plain receipt: store, till, number and time, line items, totals, tenders. */
function SaleReceipt({ sale, storeName }: { sale: SaleDetail; storeName: string }) {
  const { t } = useTranslation('transactions');
  const format = useFormat();
  const money = (minor: number) => format.money(minor, sale.currency);
  const receipt = receiptLabel(sale.receiptNo);
  return (
    <article
      className="k-tx-receipt"
      aria-label={t('receipt.label', { receiptNo: sale.receiptNo })}
    >
      {storeName && (
        <Text fw={700} ta="center" size="lg">
          {storeName}
        </Text>
      )}
      <Text ta="center" size="sm">
        {t(sale.kind === 'refund' ? 'receipt.headingRefund' : 'receipt.heading', {
          receipt,
          till: sale.tillName,
        })}
      </Text>
      <Text ta="center" size="sm">
        {format.dateTime(sale.createdAt)} · {sale.staff.name}
      </Text>
      {sale.refundOf && (
        <Text ta="center" size="sm">
          {t('receipt.refundOf', { receipt: receiptLabel(sale.refundOf.receiptNo) })}
        </Text>
      )}
      {sale.status === 'voided' && (
        <Text ta="center" fw={700}>
          {t('receipt.voided')}
        </Text>
      )}
      <hr />
      {sale.lines.map((l) => (
        <div key={l.id} className="k-tx-receipt-line">
          <span>
            {displayDescription(l.description)}
            <br />
            <small>
              {format.count(l.quantity)} × {money(l.unitPrice)}
            </small>
          </span>
          <span className="k-num">{money(l.total)}</span>
        </div>
      ))}
      <hr />
      {sale.discount !== 0 && (
        <div className="k-tx-receipt-line">
          <span>{t('receipt.discount')}</span>
          <span className="k-num">{money(sale.discount)}</span>
        </div>
      )}
      <div className="k-tx-receipt-line">
        <span>{t(sale.pricesIncludeTax ? 'receipt.taxIncluded' : 'receipt.tax')}</span>
        <span className="k-num">{money(sale.tax)}</span>
      </div>
      <div className="k-tx-receipt-line k-tx-receipt-total">
        <span>{t('receipt.total')}</span>
        <span className="k-num">{money(sale.total)}</span>
      </div>
      {sale.tenders.map((tender, i) => (
        <div key={`${tender.type}-${i}`} className="k-tx-receipt-line">
          <span>
            {tender.type === 'cash' && tender.tendered !== null
              ? t('receipt.tendered', {
                  tender: tenderLabel(tender.type),
                  amount: money(tender.tendered),
                })
              : tenderLabel(tender.type)}
          </span>
          <span className="k-num">{money(tender.amount)}</span>
        </div>
      ))}
      {sale.tenders.some((t) => t.change) && (
        <div className="k-tx-receipt-line">
          <span>{t('receipt.change')}</span>
          <span className="k-num">
            {money(sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0))}
          </span>
        </div>
      )}
      {sale.customer && (
        <Text size="sm" mt="xs">
          {t('receipt.customer', { name: sale.customer.name })}
        </Text>
      )}
    </article>
  );
}
