import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { SaleSummary } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { formatTime } from '../../format/time';
import { receiptLabel } from './sale-format';

const dayAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

export interface TransactionsTableProps {
  items: readonly SaleSummary[];
  selectedId: number | null;
  /** Show the date too when the list spans more than one day. */
  withDate: boolean;
  /** Beside the open sale: time, receipt, kind and total only. */
  compact: boolean;
  onOpen: (sale: SaleSummary) => void;
}

/**
 * Sales and refunds, newest first. A row opens the sale (click anywhere on it; the receipt number
 * is a button, so Tab and Enter work too). Refund totals are negative and shown in red.
 */
export function TransactionsTable({
  items,
  selectedId,
  withDate,
  compact,
  onOpen,
}: TransactionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={compact ? 0 : 760}>
      <Table
        verticalSpacing="xs"
        highlightOnHover
        aria-label="Transactions"
        className="k-data-table k-tx-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Kind</Table.Th>
            {!compact && <Table.Th>Staff</Table.Th>}
            {!compact && <Table.Th>Customer</Table.Th>}
            <Table.Th className="k-num">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const voided = s.status === 'voided';
            const rowClass = [
              'k-tx-row',
              s.id === selectedId ? 'k-row-selected' : '',
              voided ? 'k-tx-voided' : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <Table.Tr
                key={s.id}
                className={rowClass}
                aria-selected={s.id === selectedId}
                onClick={() => onOpen(s)}
              >
                <Table.Td className="k-nowrap">
                  {withDate ? dayAndTime.format(new Date(s.createdAt)) : formatTime(s.createdAt)}
                </Table.Td>
                <Table.Td>
                  <UnstyledButton
                    className="k-link-button k-nowrap"
                    aria-label={`Open receipt ${s.receiptNo} (${s.tillName})`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(s);
                    }}
                  >
                    {receiptLabel(s.receiptNo)}
                  </UnstyledButton>
                  <Text size="xs" c="dimmed" className="k-nowrap">
                    {s.tillName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <span className="k-tx-badges">
                    <KindBadge kind={s.kind} />
                    {voided && <VoidedBadge />}
                  </span>
                </Table.Td>
                {!compact && <Table.Td>{s.staff.name}</Table.Td>}
                {!compact && (
                  <Table.Td>
                    {s.customer ? (
                      s.customer.name
                    ) : (
                      <Text span c="dimmed" size="sm">
                        Walk-in
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td className={`k-num ${s.total < 0 ? 'k-tx-negative' : ''}`}>
                  {formatMoney(s.total, s.currency)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function KindBadge({ kind }: { kind: SaleSummary['kind'] }) {
  return kind === 'refund' ? (
    <Badge color="orange" variant="light">
      Refund
    </Badge>
  ) : (
    <Badge color="brand" variant="light">
      Sale
    </Badge>
  );
}

export function VoidedBadge() {
  return (
    <Badge color="red" variant="filled">
      Voided
    </Badge>
  );
}
