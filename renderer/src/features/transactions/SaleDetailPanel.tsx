import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowBackUp, IconBan, IconPencil, IconPrinter, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { KindBadge, VoidedBadge } from './TransactionsTable';
import { displayDescription, receiptLabel, refundableQuantity, tenderLabel } from './sale-format';

export interface SaleDetailPanelProps {
  detail: SaleDetail | null;
  error: string | null;
  /** Permissions: the actions show only when allowed. */
  canVoid: boolean;
  canRefund: boolean;
  /** sales.annotate: change the customer or note of a completed sale. */
  canEdit: boolean;
  onClose: () => void;
  onOpenSale: (id: number) => void;
  onVoid: () => void;
  onRefund: () => void;
  onEdit: () => void;
  onPrint: () => void;
}

/**
 * One sale or refund: facts, line items, tenders, the void, linked refunds (or the sale a refund
 * returns), note and customer, and the actions the member's permissions allow.
 */
export function SaleDetailPanel({
  detail,
  error,
  canVoid,
  canRefund,
  canEdit,
  onClose,
  onOpenSale,
  onVoid,
  onRefund,
  onEdit,
  onPrint,
}: SaleDetailPanelProps) {
  const { t } = useTranslation('transactions');
  const format = useFormat();
  const { dateTime } = format;
  const money = (minor: number) => format.money(minor, detail?.currency ?? 'GBP');
  const isSale = detail?.kind === 'sale';
  const refundable =
    detail !== null &&
    isSale &&
    detail.status === 'completed' &&
    detail.lines.some((l) => refundableQuantity(l) > 0);

  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      role="region"
      aria-label={t('detail.region')}
      className="k-tx-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {detail
                ? t(isSale ? 'detail.titleSale' : 'detail.titleRefund', {
                    receipt: receiptLabel(detail.receiptNo),
                  })
                : t('detail.titleEmpty')}
            </Title>
            {detail && (
              <Group gap={6}>
                <KindBadge kind={detail.kind} />
                {detail.status === 'voided' && <VoidedBadge />}
                <Text size="sm" c="dimmed">
                  {detail.tillName} · {dateTime(detail.createdAt)}
                </Text>
              </Group>
            )}
          </Stack>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('detail.close')}
            onClick={onClose}
          >
            <IconX size={20} />
          </ActionIcon>
        </Group>
        <FormAlert message={error} />
        {!detail && !error && (
          <Center p="lg">
            <Loader aria-label={t('detail.loading')} />
          </Center>
        )}
        {detail && (
          <>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={onPrint}>
                {t('detail.print')}
              </Button>
              {canEdit && detail.status === 'completed' && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={18} />}
                  title={t('detail.editHint')}
                  onClick={onEdit}
                >
                  {t('detail.edit')}
                </Button>
              )}
              {canRefund && refundable && (
                <Button
                  variant="light"
                  leftSection={<IconArrowBackUp size={18} />}
                  onClick={onRefund}
                >
                  {t('detail.refund')}
                </Button>
              )}
              {canVoid && detail.voidable && (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconBan size={18} />}
                  onClick={onVoid}
                >
                  {t('detail.void')}
                </Button>
              )}
            </Group>

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
            <Lines detail={detail} money={money} />

            <dl className="k-tx-totals">
              <Fact label={t('detail.subtotal')}>{money(detail.subtotal)}</Fact>
              {detail.discount !== 0 && (
                <Fact label={t('detail.discount')}>{money(detail.discount)}</Fact>
              )}
              <Fact label={t(detail.pricesIncludeTax ? 'detail.taxIncluded' : 'detail.tax')}>
                {money(detail.tax)}
              </Fact>
              <Fact label={t('detail.total')} strong>
                <span className={detail.total < 0 ? 'k-tx-negative' : undefined}>
                  {money(detail.total)}
                </span>
              </Fact>
            </dl>

            <Title order={3} size="h5">
              {t(isSale ? 'detail.payment' : 'detail.paidBack')}
            </Title>
            <Table
              verticalSpacing={4}
              fz="sm"
              aria-label={t('detail.tenders')}
              className="k-data-table"
            >
              <Table.Tbody>
                {detail.tenders.map((tender, i) => (
                  <Table.Tr key={`${tender.type}-${i}`}>
                    <Table.Td>{tenderLabel(tender.type)}</Table.Td>
                    <Table.Td>
                      {tender.type === 'cash' && tender.tendered !== null && (
                        <Text size="xs" c="dimmed">
                          {t('detail.tendered', { amount: money(tender.tendered) })}
                          {tender.change
                            ? t('detail.change', { amount: money(tender.change) })
                            : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="k-num">{money(tender.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>

            {detail.refunds.length > 0 && (
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
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Fact({
  label,
  children,
  strong = false,
}: {
  label: string;
  children: React.ReactNode;
  strong?: boolean;
}) {
  return (
    <div className={strong ? 'k-tx-fact k-tx-fact-strong' : 'k-tx-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lines({ detail, money }: { detail: SaleDetail; money: (minor: number) => string }) {
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
