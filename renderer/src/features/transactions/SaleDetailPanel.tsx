import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowBackUp, IconBan, IconPencil, IconPrinter, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';
import { KindBadge, VoidedBadge } from './TransactionsTable';
import { receiptLabel, refundableQuantity } from './sale-format';
import { SaleFacts, SaleLines, SaleRefunds, SaleTenders, SaleTotals } from './SaleDetailSections';

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

            <SaleFacts detail={detail} onOpenSale={onOpenSale} />
            <SaleLines detail={detail} money={money} />
            <SaleTotals detail={detail} money={money} />
            <SaleTenders detail={detail} money={money} />
            <SaleRefunds detail={detail} money={money} onOpenSale={onOpenSale} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
