/**
 * The parts of the sale detail panel (SaleDetailPanel): the void and the facts (staff, customer,
 * note, the sale a refund returns, the source), the line items, the totals, the tenders and the
 * refunds of a sale. Money comes in formatted by the panel (`money`, in the sale's currency).
 */
import { Alert, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { VoidedBadge } from './TransactionsTable';
import { displayDescription, receiptLabel, tenderLabel } from './sale-format';

type Money = (minor: number) => string;

/** The void (who, when, why), then staff, customer, note, the refunded sale and the source. */
export function SaleFacts({
  detail,
  onOpenSale,
}: {
  detail: SaleDetail;
  onOpenSale: (id: number) => void;
}) {
  const { t } = useTranslation('transactions');
  const { dateTime } = useFormat();
  return (
    <>
      {detail.void && (
        <Alert color="red" variant="light" title={t('detail.voidedTitle')} role="note">
          <Text size="sm">
            {t('detail.voidedBy', {
              name: detail.void.staff.name,
              when: dateTime(detail.void.at),
            })}
          </Text>
          <Text size="sm">{t('detail.voidReason', { reason: detail.void.reason })}</Text>
        </Alert>
      )}
      <dl className="k-tx-facts">
        <Fact label={t('detail.staff')}>{detail.staff.name}</Fact>
        <Fact label={t('detail.customer')}>
          {detail.customer?.name ?? <span className="k-tx-dim">{t('walkIn')}</span>}
        </Fact>
        <Fact label={t('detail.note')}>
          {detail.note ?? <span className="k-tx-dim">{t('detail.none')}</span>}
        </Fact>
        {detail.refundOf && (
          <Fact label={t('detail.refundOf')}>
            <UnstyledButton
              className="k-link-button"
              onClick={() => onOpenSale(detail.refundOf!.id)}
            >
              {t('detail.refundOfLink', {
                receipt: receiptLabel(detail.refundOf.receiptNo),
                till: detail.refundOf.tillName,
              })}
            </UnstyledButton>
          </Fact>
        )}
        {detail.source !== 'till' && (
          <Fact label={t('detail.source')}>
            {t(detail.source === 'import' ? 'detail.sourceImport' : 'detail.sourceDemo')}
            {detail.externalRef ? ` (${detail.externalRef})` : ''}
          </Fact>
        )}
      </dl>
    </>
  );
}

/** Subtotal, discount, tax and total. */
export function SaleTotals({ detail, money }: { detail: SaleDetail; money: Money }) {
  const { t } = useTranslation('transactions');
  return (
    <dl className="k-tx-totals">
      <Fact label={t('detail.subtotal')}>{money(detail.subtotal)}</Fact>
      {detail.discount !== 0 && <Fact label={t('detail.discount')}>{money(detail.discount)}</Fact>}
      <Fact label={t(detail.pricesIncludeTax ? 'detail.taxIncluded' : 'detail.tax')}>
        {money(detail.tax)}
      </Fact>
      <Fact label={t('detail.total')} strong>
        <span className={detail.total < 0 ? 'k-tx-negative' : undefined}>
          {money(detail.total)}
        </span>
      </Fact>
    </dl>
  );
}

/** How the sale was paid (or the refund paid back): tender, cash tendered and change, amount. */
export function SaleTenders({ detail, money }: { detail: SaleDetail; money: Money }) {
  const { t } = useTranslation('transactions');
  const isSale = detail.kind === 'sale';
  return (
    <>
      <Title order={3} size="h5">
        {t(isSale ? 'detail.payment' : 'detail.paidBack')}
      </Title>
      <Table verticalSpacing={4} fz="sm" aria-label={t('detail.tenders')} className="k-data-table">
        <Table.Tbody>
          {detail.tenders.map((tender, i) => (
            <Table.Tr key={`${tender.type}-${i}`}>
              <Table.Td>{tenderLabel(tender.type)}</Table.Td>
              <Table.Td>
                {tender.type === 'cash' && tender.tendered !== null && (
                  <Text size="xs" c="dimmed">
                    {t('detail.tendered', { amount: money(tender.tendered) })}
                    {tender.change ? t('detail.change', { amount: money(tender.change) }) : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="k-num">{money(tender.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The refunds of a sale, each a link to open it; nothing when there are none. */
export function SaleRefunds({
  detail,
  money,
  onOpenSale,
}: {
  detail: SaleDetail;
  money: Money;
  onOpenSale: (id: number) => void;
}) {
  const { t } = useTranslation('transactions');
  const { dateTime } = useFormat();
  if (detail.refunds.length === 0) return null;
  return (
    <>
      <Title order={3} size="h5">
        {t('detail.refunds')}
      </Title>
      <ul className="k-plain-list k-tx-refunds" aria-label={t('detail.refunds')}>
        {detail.refunds.map((r) => (
          <li key={r.id}>
            <UnstyledButton className="k-link-button" onClick={() => onOpenSale(r.id)}>
              {t('detail.refundLink', { receipt: receiptLabel(r.receiptNo) })}
            </UnstyledButton>
            <Text span size="sm" c="dimmed">
              {dateTime(r.createdAt)}
            </Text>
            {r.status === 'voided' && <VoidedBadge />}
            <Text span size="sm" className="k-num k-tx-negative">
              {money(r.total)}
            </Text>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One term and its value in a <dl>. */
function Fact({
  label,
  children,
  strong = false,
}: {
  label: string;
  children: ReactNode;
  strong?: boolean;
}) {
  return (
    <div className={strong ? 'k-tx-fact k-tx-fact-strong' : 'k-tx-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The line items: description and SKU, quantity, price, discount (when any), tax, total. */
export function SaleLines({ detail, money }: { detail: SaleDetail; money: Money }) {
  const { t } = useTranslation('transactions');
  const { count } = useFormat();
  const isSale = detail.kind === 'sale';
  const anyDiscount = detail.lines.some((l) => l.discount !== 0);
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        verticalSpacing={6}
        horizontalSpacing={8}
        fz="sm"
        aria-label={t('detail.lines')}
        className="k-data-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('detail.item')}</Table.Th>
            <Table.Th className="k-num">{t('detail.qty')}</Table.Th>
            <Table.Th className="k-num">{t('detail.price')}</Table.Th>
            {anyDiscount && <Table.Th className="k-num">{t('detail.discount')}</Table.Th>}
            <Table.Th className="k-num">{t('detail.tax')}</Table.Th>
            <Table.Th className="k-num">{t('detail.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Text size="sm">{displayDescription(l.description)}</Text>
                <Text size="xs" c="dimmed">
                  <span className="k-code">{l.sku}</span>
                  {isSale && l.refundedQuantity > 0 && (
                    <span className="k-tx-refunded">
                      {t('detail.refunded', { quantity: count(l.refundedQuantity) })}
                    </span>
                  )}
                </Text>
              </Table.Td>
              <Table.Td className="k-num">{count(l.quantity)}</Table.Td>
              <Table.Td className="k-num">{money(l.unitPrice)}</Table.Td>
              {anyDiscount && (
                <Table.Td className="k-num">{l.discount ? money(l.discount) : ''}</Table.Td>
              )}
              <Table.Td className="k-num">{money(l.tax)}</Table.Td>
              <Table.Td className={`k-num ${l.total < 0 ? 'k-tx-negative' : ''}`}>
                {money(l.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
