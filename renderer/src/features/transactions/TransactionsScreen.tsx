import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleDetail } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { useTransactionsStore } from '../../stores/transactions';
import { AnnotateModal } from './AnnotateModal';
import { ReceiptModal } from './ReceiptModal';
import { RefundModal } from './RefundModal';
import { SaleDetailPanel } from './SaleDetailPanel';
import { TransactionFilters } from './TransactionFilters';
import { TransactionsTable } from './TransactionsTable';
import { VoidSaleModal } from './VoidSaleModal';
import '../data-import/data-tables.css';
import './transactions.css';

type Dialog = 'void' | 'refund' | 'edit' | 'receipt' | null;

/**
 * Transactions (anyone who may ring up sales): sales and refunds for a range of days, filtered by
 * staff, customer, status, kind or receipt number, grown with "Load more" (keyset pages). A row
 * opens the sale beside the list, with void, refund and edit when the member's permissions allow.
 * A member without reports.view gets only their own sales from the core (A7).
 */
export function TransactionsScreen() {
  const { t } = useTranslation('transactions');
  const { today, filters, items, nextCursor, loading, loaded, error } = useTransactionsStore();
  const { selectedId, detail, detailError } = useTransactionsStore();
  const store = useTransactionsStore.getState;
  const init = useTransactionsStore((s) => s.init);
  const session = useSessionStore((s) => s.session);
  const settings = useSettingsStore((s) => s.settings);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    void ensureSettings();
    void init();
  }, [ensureSettings, init]);

  const dialogSale = (kind: Dialog): SaleDetail | null => (dialog === kind ? detail : null);
  const closeDialog = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <TransactionFilters
        filters={filters}
        today={today}
        canFilterStaff={can(session, 'staff.view')}
        canFilterTill={can(session, 'reports.view')}
        onChange={(f) => void store().setFilters(f)}
      />
      <FormAlert message={error} />
      <div className="k-tx-layout" data-open={selectedId !== null || undefined}>
        <Stack gap="md">
          {!loaded ? (
            <Center p="xl">
              <Loader aria-label={t('loading')} />
            </Center>
          ) : items.length === 0 ? (
            !error && (
              <Text c="dimmed" p="lg" ta="center">
                {t('empty')}
              </Text>
            )
          ) : (
            <TransactionsTable
              items={items}
              selectedId={selectedId}
              withDate={filters.fromDay !== filters.toDay}
              compact={selectedId !== null}
              onOpen={(s) => void store().open(s.id)}
            />
          )}
          {nextCursor && (
            <Group justify="center">
              <Button variant="default" loading={loading} onClick={() => void store().loadMore()}>
                {t('loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
        {selectedId !== null && (
          <SaleDetailPanel
            key={selectedId}
            detail={detail}
            error={detailError}
            canVoid={can(session, 'sales.void')}
            canRefund={can(session, 'sales.refund')}
            canEdit={can(session, 'sales.annotate')}
            onClose={() => store().close()}
            onOpenSale={(id) => void store().open(id)}
            onVoid={() => setDialog('void')}
            onRefund={() => setDialog('refund')}
            onEdit={() => setDialog('edit')}
            onPrint={() => setDialog('receipt')}
          />
        )}
      </div>
      <VoidSaleModal sale={dialogSale('void')} onClose={closeDialog} />
      <RefundModal sale={dialogSale('refund')} onClose={closeDialog} />
      <AnnotateModal sale={dialogSale('edit')} onClose={closeDialog} />
      <ReceiptModal sale={dialogSale('receipt')} settings={settings} onClose={closeDialog} />
    </Stack>
  );
}
