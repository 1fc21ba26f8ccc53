import { Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One row of a report section: a label and its value (already formatted), optionally bold. */
export interface FigureRow {
  label: string;
  value: ReactNode;
  strong?: boolean;
}

/**
 * A titled two-column section of an X or Z report (label, right-aligned value), readable on screen
 * and on paper.
 */
export function FigureTable({ title, rows }: { title: string; rows: FigureRow[] }) {
  return (
    <section className="k-zreport-section">
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      <Table verticalSpacing={2} aria-label={title}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label} fw={row.strong ? 700 : undefined}>
              <Table.Th scope="row" fw={row.strong ? 700 : 400}>
                {row.label}
              </Table.Th>
              <Table.Td className="k-num">{row.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
