import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ProductView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { bpsToPercent, KIND_LABELS } from './product-form';

export interface ProductsTableProps {
  items: readonly ProductView[];
  currency: string;
  onEdit: (product: ProductView) => void;
  onRemove: (product: ProductView) => void;
  onRestore: (product: ProductView) => void;
}

/** One page of products: codes, name, kind, price, tax rate and state, with the row actions. */
export function ProductsTable({
  items,
  currency,
  onEdit,
  onRemove,
  onRestore,
}: ProductsTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Products" className="k-data-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Barcode</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th className="k-num">Price</Table.Th>
            <Table.Th className="k-num">Tax</Table.Th>
            <Table.Th>Active</Table.Th>
            <Table.Th>
              <span className="k-visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td className="k-code">{p.sku}</Table.Td>
              <Table.Td className="k-code">
                {p.barcode ?? (
                  <Text span c="dimmed" size="sm">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td fw={600}>{p.name}</Table.Td>
              <Table.Td>{KIND_LABELS[p.kind]}</Table.Td>
              <Table.Td className="k-num">{formatMoney(p.price, currency)}</Table.Td>
              <Table.Td className="k-num">{bpsToPercent(p.taxRateBps)} %</Table.Td>
              <Table.Td>
                {p.archived ? (
                  <Badge color="gray" variant="light">
                    Archived
                  </Badge>
                ) : p.active ? (
                  <Badge color="teal" variant="light">
                    Active
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light">
                    Inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {p.archived ? (
                    <Button size="xs" variant="light" onClick={() => onRestore(p)}>
                      Restore
                    </Button>
                  ) : (
                    <>
                      <Button size="xs" variant="light" onClick={() => onEdit(p)}>
                        Edit
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(p)}>
                        Remove
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
