import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { SaleSummary } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../format/time';
import type { CustomerDetail } from '../../stores/customers';

export interface CustomerPanelProps {
  detail: CustomerDetail | null;
  error: string | null;
  currency: string;
  canManage: boolean;
  onClose: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onRestore: () => void;
}

/**
 * The customer page: details, lifetime figures (spend = sales − refunds, in the store currency),
 * first and last purchase, and the most recent sales (the core sends up to 50).
 */
export function CustomerPanel({
  detail,
  error,
  currency,
  canManage,
  onClose,
  onEdit,
  onRemove,
  onRestore,
}: CustomerPanelProps) {
  const customer = detail?.customer;
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      role="region"
      aria-label="Customer"
      className="k-customer-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {customer?.name ?? 'Customer'}
            </Title>
            {customer?.archived && (
              <Badge color="gray" variant="light">
                Archived
              </Badge>
            )}
          </Stack>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Close customer"
            onClick={onClose}
          >
            <IconX size={20} />
          </ActionIcon>
        </Group>
        <FormAlert message={error} />
        {!detail && !error && (
          <Center p="lg">
            <Loader aria-label="Loading customer" />
          </Center>
        )}
        {detail && customer && (
          <>
            <dl className="k-details">
              <Detail label="Email" value={customer.email} />
              <Detail label="Phone" value={customer.phone} />
              <Detail label="Country" value={customer.country} />
              {customer.externalRef && <Detail label="Imported as" value={customer.externalRef} />}
              <Detail label="Customer since" value={formatDateTime(customer.createdAt)} />
              {customer.notes && <Detail label="Notes" value={customer.notes} />}
            </dl>

            <div className="k-figures">
              <Figure
                label="Lifetime spend"
                value={formatMoney(detail.stats.lifetimeSpend, currency)}
              />
              <Figure label="Sales" value={String(detail.stats.salesCount)} />
              <Figure label="Refunds" value={formatMoney(detail.stats.refundsTotal, currency)} />
            </div>
            <div className="k-figures k-figures-2">
              <Figure
                small
                label="First purchase"
                value={formatDateTime(detail.stats.firstPurchaseAt, '—')}
              />
              <Figure
                small
                label="Last purchase"
                value={formatDateTime(detail.stats.lastPurchaseAt, '—')}
              />
            </div>

            {canManage && (
              <Group gap="sm">
                {customer.archived ? (
                  <Button variant="light" onClick={onRestore}>
                    Restore
                  </Button>
                ) : (
                  <>
                    <Button variant="light" onClick={onEdit}>
                      Edit
                    </Button>
                    <Button variant="subtle" color="red" onClick={onRemove}>
                      Remove
                    </Button>
                  </>
                )}
              </Group>
            )}

            <Title order={3} size="h5">
              Purchase history
            </Title>
            <PurchaseHistory sales={detail.recentSales} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="k-detail">
      <dt>{label}</dt>
      <dd>{value ?? <span className="k-dim">—</span>}</dd>
    </div>
  );
}

function Figure({
  label,
  value,
  small = false,
}: {
  label: string;
  value: string;
  small?: boolean;
}) {
  return (
    <div role="group" aria-label={label} className="k-stat">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={small ? 600 : 700} size={small ? 'sm' : 'lg'} className="k-stat-value">
        {value}
      </Text>
    </div>
  );
}

const shortDateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'short',
  timeStyle: 'short',
});

function PurchaseHistory({ sales }: { sales: readonly SaleSummary[] }) {
  if (sales.length === 0)
    return (
      <Alert role="note" variant="light" color="gray">
        No purchases yet.
      </Alert>
    );
  return (
    <Table.ScrollContainer minWidth={0} maxHeight={420}>
      <Table
        stickyHeader
        verticalSpacing={6}
        horizontalSpacing={8}
        fz="sm"
        highlightOnHover
        aria-label="Purchase history"
        className="k-data-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th className="k-num">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sales.map((s) => (
            <Table.Tr key={s.id} className={s.status === 'voided' ? 'k-voided' : undefined}>
              <Table.Td>{shortDateTime.format(new Date(s.createdAt))}</Table.Td>
              <Table.Td>
                <span className="k-nowrap">#{s.receiptNo}</span>
                <Text size="xs" c="dimmed">
                  {s.tillName}
                </Text>
              </Table.Td>
              <Table.Td>{s.kind === 'refund' ? 'Refund' : 'Sale'}</Table.Td>
              <Table.Td>
                {s.status === 'voided' ? (
                  <Badge color="red" variant="light" size="sm">
                    Voided
                  </Badge>
                ) : (
                  'Completed'
                )}
              </Table.Td>
              <Table.Td className="k-num">{formatMoney(s.total, s.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
