import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { purchaseOrderNumber, type PurchaseOrderView } from '../../../../shared/contract/receiving';
import { PurchaseOrderDetail } from './PurchaseOrderDetail';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { PurchaseOrderList } from './PurchaseOrderList';
import './purchase-orders.css';

/** Which page of the dialog is shown: the list, one order, or the draft form (null: a new one). */
type View =
  | { page: 'list' }
  | { page: 'order'; id: number }
  | { page: 'edit'; order: PurchaseOrderView | null };

/**
 * Purchase orders (issue 11, section 3; stock.manage), one dialog from the Products screen's
 * Stock menu: the list of orders by status, a draft's form (supplier, note, lines picked by scan
 * or search at their last cost), and one order with its actions (edit, mark ordered, cancel,
 * receive, export as CSV or PDF).
 */
export function PurchaseOrdersDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('receiving');
  const [view, setView] = useState<View>({ page: 'list' });
  const close = () => {
    setView({ page: 'list' });
    onClose();
  };
  const title =
    view.page === 'order'
      ? purchaseOrderNumber(view.id)
      : view.page === 'edit'
        ? view.order
          ? t('po.editTitle', { number: purchaseOrderNumber(view.order.id) })
          : t('po.newTitle')
        : t('po.title');
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size="64rem"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {view.page === 'list' ? (
        <PurchaseOrderList
          onOpen={(id) => setView({ page: 'order', id })}
          onNew={() => setView({ page: 'edit', order: null })}
        />
      ) : view.page === 'edit' ? (
        <PurchaseOrderForm
          order={view.order}
          onSaved={(saved) => setView({ page: 'order', id: saved.id })}
          onBack={() =>
            setView(view.order ? { page: 'order', id: view.order.id } : { page: 'list' })
          }
        />
      ) : (
        <PurchaseOrderDetail
          id={view.id}
          onEdit={(order) => setView({ page: 'edit', order })}
          onBack={() => setView({ page: 'list' })}
        />
      )}
    </Modal>
  );
}
