import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { SaleSummary } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { receiptLabel } from './sale-format';

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
  const { t } = useTranslation('transactions');
  const { money, dateTime } = useFormat();
  const time = (iso: string) =>
    withDate
      ? dateTime(iso, { dateStyle: 'short', timeStyle: 'short' })
      : dateTime(iso, { dateStyle: undefined, timeStyle: 'short' });
  return (
    <Table.ScrollContainer minWidth={compact ? 0 : 760}>
      <Table
        verticalSpacing="xs"
        highlightOnHover
        aria-label={t('table.label')}
        className="k-data-table k-tx-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.time')}</Table.Th>
            <Table.Th>{t('table.receipt')}</Table.Th>
            <Table.Th>{t('table.kind')}</Table.Th>
            {!compact && <Table.Th>{t('table.staff')}</Table.Th>}
            {!compact && <Table.Th>{t('table.customer')}</Table.Th>}
            <Table.Th className="k-num">{t('table.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const voided = s.status === 'voided';
            return (
              <Table.Tr
                key={s.id}
                className={rowClass(s.id === selectedId, voided)}
                aria-selected={s.id === selectedId}
                onClick={() => onOpen(s)}
              >
                <Table.Td className="k-nowrap">{time(s.createdAt)}</Table.Td>
                <Table.Td>
                  <UnstyledButton
                    className="k-link-button k-nowrap"
                    aria-label={t('table.open', { receiptNo: s.receiptNo, till: s.tillName })}
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
                        {t('walkIn')}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td className={`k-num ${s.total < 0 ? 'k-tx-negative' : ''}`}>
                  {money(s.total, s.currency)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The row's classes: selected, voided. */
function rowClass(selected: boolean, voided: boolean): string {
  const classes = ['k-tx-row'];
  if (selected) classes.push('k-row-selected');
  if (voided) classes.push('k-tx-voided');
  return classes.join(' ');
}

/** "Sale" or "Refund" as a badge. */
export function KindBadge({ kind }: { kind: SaleSummary['kind'] }) {
  const { t } = useTranslation('transactions');
  return (
    <Badge
      color={kind === 'refund' ? 'orange' : 'brand'}
      variant="light"
      className={kind === 'refund' ? 'k-tx-badge-refund' : undefined}
    >
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** The red "Voided" badge. */
export function VoidedBadge() {
  const { t } = useTranslation('transactions');
  return (
    <Badge color="red.9" variant="filled">
      {t('voided')}
    </Badge>
  );
}
