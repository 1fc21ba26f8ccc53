import { Alert } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { ERROR_MESSAGES } from '../api/messages';
import { useStorageStore } from '../stores/storage';

/**
 * D7: a standing warning while the till cannot store writes. Every sale is refused with the same
 * message until one is saved again; each new try is a clean retry.
 */
export function StorageBanner() {
  const writable = useStorageStore((s) => s.writable);
  if (writable) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      className="k-storage-banner"
      title="Sales are not being saved"
      icon={<IconDeviceFloppy size={20} />}
    >
      {ERROR_MESSAGES.STORAGE_FAILED} Kassa tries again with the next sale and clears this warning
      as soon as one is saved.
    </Alert>
  );
}
