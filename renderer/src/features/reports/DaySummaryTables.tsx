import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { tenderLabel } from '../transactions/sale-format';
import { FiguresTable } from './FiguresTable';

interface DayTableProps {
  summary: DaySummary;
  /** Formats minor units in the summary's currency. */
  money: (m: number) => string;
}

/** The day by tender: count and amount of each tender type (minor units, formatted). */
export function TenderTable({ summary, money }: DayTableProps) {
  const { t } = useTranslation('reports');
  const { count } = useFormat();
  const scale = summary.byTender.reduce((max, t) => Math.max(max, Math.abs(t.amount)), 0) || 1;
  return (
    <FiguresTable
      label={t('byTender')}
      empty={t('noPayments')}
      head={
        <>
          <Table.Th>{t('tender')}</Table.Th>
          <Table.Th className="k-num">{t('count')}</Table.Th>
          <Table.Th className="k-num">{t('amount')}</Table.Th>
          <Table.Th className="k-report-bar-col">
            <span className="k-visually-hidden">{t('share')}</span>
          </Table.Th>
        </>
      }
      rows={summary.byTender.map((row) => (
        <Table.Tr key={row.type}>
          <Table.Td>{tenderLabel(row.type)}</Table.Td>
          <Table.Td className="k-num">{count(row.count)}</Table.Td>
          <Table.Td className={`k-num ${row.amount < 0 ? 'k-report-negative' : ''}`}>
            {money(row.amount)}
          </Table.Td>
          <Table.Td className="k-report-bar-col">
            <progress
              className="k-report-bar"
              max={scale}
              value={Math.abs(row.amount)}
              aria-label={t('tenderShare', { tender: tenderLabel(row.type) })}
            />
          </Table.Td>
        </Table.Tr>
      ))}
      foot={
        <>
          <Table.Th>{t('total')}</Table.Th>
          <Table.Td className="k-num">
            {count(summary.byTender.reduce((n, row) => n + row.count, 0))}
          </Table.Td>
          <Table.Td className="k-num">
            {money(summary.byTender.reduce((n, row) => n + row.amount, 0))}
          </Table.Td>
          <Table.Td />
        </>
      }
    />
  );
}

/** The day by staff member: sales and amounts each one took (minor units, formatted). */
export function StaffTable({ summary, money }: DayTableProps) {
  const { t } = useTranslation('reports');
  const rows = summary.byStaff.map(({ staffId, ...row }) => ({ key: staffId, ...row }));
  return (
    <SplitTable
      label={t('byStaff')}
      empty={t('noStaff')}
      first={t('staff')}
      rows={rows}
      money={money}
    />
  );
}

/** The day by till (a store server's): sales and amounts each till took (minor units). */
export function TillTable({ summary, money }: DayTableProps) {
  const { t } = useTranslation('reports');
  const rows = summary.byTill.map(({ tillId, ...row }) => ({ key: tillId, ...row }));
  return (
    <SplitTable
      label={t('byTill')}
      empty={t('noPayments')}
      first={t('till')}
      rows={rows}
      money={money}
    />
  );
}

/** A day split by who or where: one row each, with sales, gross, refunds and net. */
function SplitTable({
  label,
  empty,
  first,
  rows,
  money,
}: {
  label: string;
  empty: string;
  /** The first column's heading: Staff, Till. */
  first: string;
  rows: Array<{
    key: number;
    name: string;
    salesCount: number;
    gross: number;
    refunds: number;
    net: number;
  }>;
  money: (m: number) => string;
}) {
  const { t } = useTranslation('reports');
  const { count } = useFormat();
  return (
    <FiguresTable
      label={label}
      empty={empty}
      minWidth={420}
      head={
        <>
          <Table.Th>{first}</Table.Th>
          <Table.Th className="k-num">{t('sales')}</Table.Th>
          <Table.Th className="k-num">{t('gross')}</Table.Th>
          <Table.Th className="k-num">{t('refunds')}</Table.Th>
          <Table.Th className="k-num">{t('net')}</Table.Th>
        </>
      }
      rows={rows.map((s) => (
        <Table.Tr key={s.key}>
          <Table.Td>{s.name}</Table.Td>
          <Table.Td className="k-num">{count(s.salesCount)}</Table.Td>
          <Table.Td className="k-num">{money(s.gross)}</Table.Td>
          <Table.Td className={`k-num ${s.refunds > 0 ? 'k-report-negative' : ''}`}>
            {money(s.refunds)}
          </Table.Td>
          <Table.Td className="k-num">{money(s.net)}</Table.Td>
        </Table.Tr>
      ))}
    />
  );
}
