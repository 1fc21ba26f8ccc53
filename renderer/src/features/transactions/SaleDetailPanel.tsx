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
import type { SaleDetail } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format/time';
import { KindBadge, VoidedBadge } from './TransactionsTable';
import { displayDescription, receiptLabel, refundableQuantity, TENDER_LABELS } from './sale-format';

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
  const money = (minor: number) => formatMoney(minor, detail?.currency ?? 'GBP');
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
      aria-label="Sale detail"
      className="k-tx-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {detail ? `${isSale ? 'Sale' : 'Refund'} ${receiptLabel(detail.receiptNo)}` : 'Sale'}
            </Title>
            {detail && (
              <Group gap={6}>
                <KindBadge kind={detail.kind} />
                {detail.status === 'voided' && <VoidedBadge />}
                <Text size="sm" c="dimmed">
                  {detail.tillName} · {formatDateTime(detail.createdAt)}
                </Text>
              </Group>
            )}
          </Stack>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Close sale detail"
            onClick={onClose}
          >
            <IconX size={20} />
          </ActionIcon>
        </Group>
        <FormAlert message={error} />
        {!detail && !error && (
          <Center p="lg">
            <Loader aria-label="Loading sale" />
          </Center>
        )}
        {detail && (
          <>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={onPrint}>
                Print receipt
              </Button>
              {canEdit && detail.status === 'completed' && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={18} />}
                  title="Change the customer or the note"
                  onClick={onEdit}
                >
                  Edit
                </Button>
              )}
              {canRefund && refundable && (
                <Button
                  variant="light"
                  leftSection={<IconArrowBackUp size={18} />}
                  onClick={onRefund}
                >
                  Refund
                </Button>
              )}
              {canVoid && detail.voidable && (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconBan size={18} />}
                  onClick={onVoid}
                >
                  Void sale
                </Button>
              )}
            </Group>

            {detail.void && (
              <Alert color="red" variant="light" title="Voided" role="note">
                <Text size="sm">
                  By {detail.void.staff.name} on {formatDateTime(detail.void.at)}.
                </Text>
                <Text size="sm">Reason: {detail.void.reason}</Text>
              </Alert>
            )}

            <dl className="k-tx-facts">
              <Fact label="Staff">{detail.staff.name}</Fact>
              <Fact label="Customer">
                {detail.customer?.name ?? <span className="k-tx-dim">Walk-in</span>}
              </Fact>
              <Fact label="Note">{detail.note ?? <span className="k-tx-dim">None</span>}</Fact>
              {detail.refundOf && (
                <Fact label="Refund of">
                  <UnstyledButton
                    className="k-link-button"
                    onClick={() => onOpenSale(detail.refundOf!.id)}
                  >
                    receipt {receiptLabel(detail.refundOf.receiptNo)} ({detail.refundOf.tillName})
                  </UnstyledButton>
                </Fact>
              )}
              {detail.source !== 'till' && (
                <Fact label="Source">
                  {detail.source === 'import' ? 'Imported' : 'Demo data'}
                  {detail.externalRef ? ` (${detail.externalRef})` : ''}
                </Fact>
              )}
            </dl>
            <Lines detail={detail} money={money} />

            <dl className="k-tx-totals">
              <Fact label="Subtotal">{money(detail.subtotal)}</Fact>
              {detail.discount !== 0 && <Fact label="Discount">{money(detail.discount)}</Fact>}
              <Fact label={detail.pricesIncludeTax ? 'Tax (included)' : 'Tax'}>
                {money(detail.tax)}
              </Fact>
              <Fact label="Total" strong>
                <span className={detail.total < 0 ? 'k-tx-negative' : undefined}>
                  {money(detail.total)}
                </span>
              </Fact>
            </dl>

            <Title order={3} size="h5">
              {isSale ? 'Payment' : 'Paid back'}
            </Title>
            <Table verticalSpacing={4} fz="sm" aria-label="Tenders" className="k-data-table">
              <Table.Tbody>
                {detail.tenders.map((t, i) => (
                  <Table.Tr key={`${t.type}-${i}`}>
                    <Table.Td>{TENDER_LABELS[t.type]}</Table.Td>
                    <Table.Td>
                      {t.type === 'cash' && t.tendered !== null && (
                        <Text size="xs" c="dimmed">
                          Tendered {money(t.tendered)}
                          {t.change ? ` · change ${money(t.change)}` : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="k-num">{money(t.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>

            {detail.refunds.length > 0 && (
              <>
                <Title order={3} size="h5">
                  Refunds
                </Title>
                <ul className="k-plain-list k-tx-refunds" aria-label="Refunds">
                  {detail.refunds.map((r) => (
                    <li key={r.id}>
                      <UnstyledButton className="k-link-button" onClick={() => onOpenSale(r.id)}>
                        Refund {receiptLabel(r.receiptNo)}
                      </UnstyledButton>
                      <Text span size="sm" c="dimmed">
                        {formatDateTime(r.createdAt)}
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
  const isSale = detail.kind === 'sale';
  const anyDiscount = detail.lines.some((l) => l.discount !== 0);
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        verticalSpacing={6}
        horizontalSpacing={8}
        fz="sm"
        aria-label="Line items"
        className="k-data-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th className="k-num">Qty</Table.Th>
            <Table.Th className="k-num">Price</Table.Th>
            {anyDiscount && <Table.Th className="k-num">Discount</Table.Th>}
            <Table.Th className="k-num">Tax</Table.Th>
            <Table.Th className="k-num">Total</Table.Th>
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
                    <span className="k-tx-refunded"> · {l.refundedQuantity} refunded</span>
                  )}
                </Text>
              </Table.Td>
              <Table.Td className="k-num">{l.quantity}</Table.Td>
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
