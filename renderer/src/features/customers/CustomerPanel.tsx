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
import { useTranslation } from 'react-i18next';
import type { SaleSummary } from '../../../../shared/contract';
import { displayPhone } from '../../../../shared/phone';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
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
  const { t } = useTranslation('customers');
  const { money, dateTime } = useFormat();
  const when = (iso: string | null) => (iso ? dateTime(iso) : '—');
  const customer = detail?.customer;
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      role="region"
      aria-label={t('panel.label')}
      className="k-customer-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {customer?.name ?? t('panel.label')}
            </Title>
            {customer?.archived && (
              <Badge color="gray" variant="light">
                {t('panel.archived')}
              </Badge>
            )}
          </Stack>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('panel.close')}
            onClick={onClose}
          >
            <IconX size={20} />
          </ActionIcon>
        </Group>
        <FormAlert message={error} />
        {!detail && !error && (
          <Center p="lg">
            <Loader aria-label={t('panel.loading')} />
          </Center>
        )}
        {detail && customer && (
          <>
            <dl className="k-details">
              <Detail label={t('panel.email')} value={customer.email} />
              <Detail
                label={t('panel.phone')}
                value={customer.phone && displayPhone(customer.phone)}
              />
              <Detail label={t('panel.country')} value={customer.country} />
              {customer.externalRef && (
                <Detail label={t('panel.importedAs')} value={customer.externalRef} />
              )}
              <Detail label={t('panel.since')} value={when(customer.createdAt)} />
              {customer.notes && <Detail label={t('panel.notes')} value={customer.notes} />}
            </dl>

            <div className="k-figures">
              <Figure
                label={t('panel.lifetimeSpend')}
                value={money(detail.stats.lifetimeSpend, currency)}
              />
              <Figure label={t('panel.sales')} value={String(detail.stats.salesCount)} />
              <Figure
                label={t('panel.refunds')}
                value={money(detail.stats.refundsTotal, currency)}
              />
            </div>
            <div className="k-figures k-figures-2">
              <Figure
                small
                label={t('panel.firstPurchase')}
                value={when(detail.stats.firstPurchaseAt)}
              />
              <Figure
                small
                label={t('panel.lastPurchase')}
                value={when(detail.stats.lastPurchaseAt)}
              />
            </div>

            {canManage && (
              <Group gap="sm">
                {customer.archived ? (
                  <Button variant="light" onClick={onRestore}>
                    {t('panel.restore')}
                  </Button>
                ) : (
                  <>
                    <Button variant="light" onClick={onEdit}>
                      {t('panel.edit')}
                    </Button>
                    <Button variant="subtle" color="red" onClick={onRemove}>
                      {t('panel.remove')}
                    </Button>
                  </>
                )}
              </Group>
            )}

            <Title order={3} size="h5">
              {t('panel.history')}
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
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={small ? 600 : 700} size={small ? 'sm' : 'lg'} className="k-stat-value">
        {value}
      </Text>
    </div>
  );
}

function PurchaseHistory({ sales }: { sales: readonly SaleSummary[] }) {
  const { t } = useTranslation('customers');
  const { money, dateTime } = useFormat();
  if (sales.length === 0)
    return (
      <Alert role="note" variant="light" color="gray">
        {t('history.none')}
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
        aria-label={t('panel.history')}
        className="k-data-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.time')}</Table.Th>
            <Table.Th>{t('history.receipt')}</Table.Th>
            <Table.Th>{t('history.kind')}</Table.Th>
            <Table.Th>{t('history.status')}</Table.Th>
            <Table.Th className="k-num">{t('history.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sales.map((s) => (
            <Table.Tr key={s.id} className={s.status === 'voided' ? 'k-voided' : undefined}>
              <Table.Td>{dateTime(s.createdAt, { dateStyle: 'short' })}</Table.Td>
              <Table.Td>
                <span className="k-nowrap">{t('history.receiptNo', { no: s.receiptNo })}</span>
                <Text size="xs" c="gray.7">
                  {s.tillName}
                </Text>
              </Table.Td>
              <Table.Td>{s.kind === 'refund' ? t('history.refund') : t('history.sale')}</Table.Td>
              <Table.Td>
                {s.status === 'voided' ? (
                  <Badge color="red" variant="light" size="sm">
                    {t('history.voided')}
                  </Badge>
                ) : (
                  t('history.completed')
                )}
              </Table.Td>
              <Table.Td className="k-num">{money(s.total, s.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
