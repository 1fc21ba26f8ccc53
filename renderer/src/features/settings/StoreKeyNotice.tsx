import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SecretsStatus } from '../../../../shared/contract';

/**
 * Settings → whether this till holds the store's key on a store server (issue 12;
 * docs/security-requirements.md, "Keychain"): while it waits for it, why two-factor sign-in and
 * the mail and SMS settings do not work yet; when it does not open, what to do. Nothing once the
 * till holds it, nor in a till that keeps its data in its own file (`state` null).
 */
export function StoreKeyNotice({ state }: { state: SecretsStatus['storeKey'] }) {
  const { t } = useTranslation('settings');
  if (state !== 'pending' && state !== 'unavailable') return null;
  const pending = state === 'pending';
  return (
    <Alert
      role="status"
      color={pending ? 'blue' : 'red'}
      variant="light"
      title={t(pending ? 'keychain.storeKeyPendingTitle' : 'keychain.storeKeyUnavailableTitle')}
      icon={
        pending ? <IconKey size={20} aria-hidden /> : <IconAlertTriangle size={20} aria-hidden />
      }
    >
      {t(pending ? 'keychain.storeKeyPending' : 'keychain.storeKeyUnavailable')}
    </Alert>
  );
}
