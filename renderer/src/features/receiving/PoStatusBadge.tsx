import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderStatus } from '../../../../shared/contract';
import { STATUS_COLOR } from './po-format';

/** A purchase order's status as a coloured badge: Draft, Ordered, Partly received... */
export function PoStatusBadge({ status }: { status: PurchaseOrderStatus }) {
  const { t } = useTranslation('receiving');
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} c={`${STATUS_COLOR[status]}.9`}>
      {t(`status.${status}`)}
    </Badge>
  );
}
