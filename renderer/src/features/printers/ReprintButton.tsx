import { Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { can, useSessionStore } from '../../stores/session';
import { usePrintingStore } from '../../stores/printing';

/**
 * "Print a copy" on the receipt printer (issue 10, section 2): the core queues the sale's receipt
 * again, marked COPY, without opening the drawer. Shown to members who may sell (sales.create).
 */
export function ReprintButton({ saleId, size = 'lg' }: { saleId: number; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation('printers');
  const allowed = useSessionStore((s) => can(s.session, 'sales.create'));
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;
  const reprint = async () => {
    setBusy(true);
    try {
      await call('printing:reprintSale', { saleId });
      notifySuccess(t('reprint.queued'));
      void usePrintingStore.getState().refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size={size}
      variant="default"
      leftSection={<IconCopy size={size === 'lg' ? 20 : 18} />}
      loading={busy}
      onClick={() => void reprint()}
    >
      {t('reprint.button')}
    </Button>
  );
}
