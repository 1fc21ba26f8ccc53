import { Alert } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStorageStore } from '../../stores/storage';

/**
 * In the payment dialog, while its sale is being completed: says that the store server holds it
 * for its synchronous standby (issue 12), when the till's core says so (stores/storage.ts), so
 * the cashier waits for it rather than ring it up again. The shell's banner, behind the dialog,
 * says the same for the whole till.
 */
export function HeldSaleNotice() {
  const { t } = useTranslation('checkout');
  const held = useStorageStore((s) => s.problem?.reason === 'replica');
  if (!held) return null;
  return (
    <Alert role="status" color="orange" variant="light" icon={<IconHourglass size={20} />}>
      {t('pay.heldForReplica')}
    </Alert>
  );
}
