import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { SaleDetail, TillSettings } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { formatDateTime } from '../../format/time';
import { printOnly } from './print';
import { displayDescription, receiptLabel, TENDER_LABELS } from './sale-format';

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
  return (
    <Modal opened={sale !== null} onClose={onClose} title="Receipt" size="sm">
      {sale && (
        <Stack gap="md">
          <div className="k-tx-receipt-paper">
            <SaleReceipt sale={sale} storeName={settings?.storeName ?? ''} />
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button
              leftSection={<IconPrinter size={18} />}
              onClick={() => printOnly('receipt')}
              data-autofocus
            >
              Print
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A plain receipt: store, till, number and time, line items, totals, tenders. */
function SaleReceipt({ sale, storeName }: { sale: SaleDetail; storeName: string }) {
  const money = (minor: number) => formatMoney(minor, sale.currency);
  return (
    <article className="k-tx-receipt" aria-label={`Receipt ${sale.receiptNo}`}>
      {storeName && (
        <Text fw={700} ta="center" size="lg">
          {storeName}
        </Text>
      )}
      <Text ta="center" size="sm">
        {sale.kind === 'refund' ? 'REFUND' : 'Receipt'} {receiptLabel(sale.receiptNo)} ·{' '}
        {sale.tillName}
      </Text>
      <Text ta="center" size="sm">
        {formatDateTime(sale.createdAt)} · {sale.staff.name}
      </Text>
      {sale.refundOf && (
        <Text ta="center" size="sm">
          Refund of receipt {receiptLabel(sale.refundOf.receiptNo)}
        </Text>
      )}
      {sale.status === 'voided' && (
        <Text ta="center" fw={700}>
          VOIDED
        </Text>
      )}
      <hr />
      {sale.lines.map((l) => (
        <div key={l.id} className="k-tx-receipt-line">
          <span>
            {displayDescription(l.description)}
            <br />
            <small>
              {l.quantity} × {money(l.unitPrice)}
            </small>
          </span>
          <span className="k-num">{money(l.total)}</span>
        </div>
      ))}
      <hr />
      {sale.discount !== 0 && (
        <div className="k-tx-receipt-line">
          <span>Discount</span>
          <span className="k-num">{money(sale.discount)}</span>
        </div>
      )}
      <div className="k-tx-receipt-line">
        <span>{sale.pricesIncludeTax ? 'Tax included' : 'Tax'}</span>
        <span className="k-num">{money(sale.tax)}</span>
      </div>
      <div className="k-tx-receipt-line k-tx-receipt-total">
        <span>Total</span>
        <span className="k-num">{money(sale.total)}</span>
      </div>
      {sale.tenders.map((t, i) => (
        <div key={`${t.type}-${i}`} className="k-tx-receipt-line">
          <span>
            {TENDER_LABELS[t.type]}
            {t.type === 'cash' && t.tendered !== null ? ` (tendered ${money(t.tendered)})` : ''}
          </span>
          <span className="k-num">{money(t.amount)}</span>
        </div>
      ))}
      {sale.tenders.some((t) => t.change) && (
        <div className="k-tx-receipt-line">
          <span>Change</span>
          <span className="k-num">
            {money(sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0))}
          </span>
        </div>
      )}
      {sale.customer && (
        <Text size="sm" mt="xs">
          Customer: {sale.customer.name}
        </Text>
      )}
    </article>
  );
}
