import { Modal } from '@mantine/core';
import { notifySuccess } from '../../components/notify';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Lets a signed-in member change their own password from the app shell. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change your password" size="md">
      <ChangePasswordForm
        onCancel={onClose}
        onDone={() => {
          notifySuccess('Password changed. Your other sessions have been signed out.');
          onClose();
        }}
      />
    </Modal>
  );
}
