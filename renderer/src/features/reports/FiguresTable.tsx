import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FiguresTableProps {
  /** The table's accessible name. */
  label: string;
  /** Said instead of the table when there are no rows. */
  empty: string;
  /** The header cells (`Table.Th`). */
  head: ReactNode;
  /** One `Table.Tr` per row. */
  rows: ReactNode[];
  /** The total row's cells, if any. */
  foot?: ReactNode;
  /** Below this width (px) the table scrolls sideways. */
  minWidth?: number;
}

/**
 * A report's table of figures in columns (day summary by tender, by staff member), or a dimmed
 * line saying there is nothing to show. Cells come formatted; numeric ones carry `k-num`.
 */
export function FiguresTable({ label, empty, head, rows, foot, minWidth }: FiguresTableProps) {
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  const table = (
    <Table verticalSpacing="xs" aria-label={label} className="k-data-table">
      <Table.Thead>
        <Table.Tr>{head}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{rows}</Table.Tbody>
      {foot && (
        <Table.Tfoot>
          <Table.Tr className="k-total-row">{foot}</Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
  return minWidth ? (
    <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  ) : (
    table
  );
}
